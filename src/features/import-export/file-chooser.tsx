// A labelled file input that hands over the chosen file and then clears itself, so choosing
// the same file again (after fixing it, or to import twice) is noticed.
import { useId } from 'react';
import type { Ref } from 'react';

export interface FileChooserProps {
  label: string;
  accept: string;
  disabled: boolean;
  onChoose: (file: File) => void;
  /** Lets the section put keyboard focus back here when its own buttons go away. */
  inputRef?: Ref<HTMLInputElement>;
}

export function FileChooser({ label, accept, disabled, onChoose, inputRef }: FileChooserProps) {
  const id = useId();
  return (
    <div className="row">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept={accept}
        disabled={disabled}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onChoose(file);
        }}
      />
    </div>
  );
}
