// A one-field "add" form (new category, new prompt, new action step, new tag): submits on
// Enter or the button, clears only after the write succeeded, and on a ValidationError or a
// full disk shows the message under the field with the typed text kept.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/text-field';
import { messageFor } from './write-errors';

export interface CreateFormProps {
  label: string;
  buttonLabel: string;
  onCreate: (text: string) => Promise<unknown>;
  /** The row field whose validation issues belong to this input (e.g. 'title', 'tags'). */
  field: string;
  className?: string;
  placeholder?: string;
}

export function CreateForm({ label, buttonLabel, onCreate, field, className, placeholder }: CreateFormProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '' || busy) return;
    setBusy(true);
    try {
      await onCreate(text.trim());
      setText('');
      setError(null);
    } catch (caught) {
      setError(messageFor(caught, field));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={`create-form ${className ?? ''}`} onSubmit={(event) => void submit(event)}>
      <TextField
        label={label}
        hideLabel
        placeholder={placeholder ?? label}
        value={text}
        error={error}
        onChange={(event) => setText(event.target.value)}
      />
      <Button type="submit" variant="secondary" disabled={busy}>
        {buttonLabel}
      </Button>
    </form>
  );
}
