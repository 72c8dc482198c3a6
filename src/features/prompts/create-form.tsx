// A one-field "add" form (new category, new prompt, new action step, new tag): submits on
// Enter or the button, clears only after the write succeeded, and on a ValidationError or a
// full disk shows the message under the field with the typed text kept. Submissions made while
// an earlier one is still being written wait their turn (create-queue.ts), and text typed in
// the meantime is not cleared by the earlier one's success. An empty field says what to type;
// typing clears the message.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/text-field';
import { CreateQueue } from './create-queue';
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

export function CreateForm({
  label,
  buttonLabel,
  onCreate,
  field,
  className,
  placeholder,
}: CreateFormProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Only re-renders when a submission starts or settles: the button shows queue.isPending.
  const [, setPending] = useState(0);
  const [queue] = useState(() => new CreateQueue());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const submitted = text.trim();
    if (submitted === '') {
      // Say why nothing was added, rather than ignore the click.
      setError(`Type a ${label.charAt(0).toLowerCase()}${label.slice(1)} first.`);
      return;
    }
    const run = queue.submit(submitted, onCreate);
    if (!run) return;
    setPending((count) => count + 1);
    try {
      await run;
      setText((current) => (current.trim() === submitted ? '' : current));
      setError(null);
    } catch (caught) {
      // The field may hold the next title by now: the failed one comes back only into an empty field.
      setText((current) => (current.trim() === '' ? submitted : current));
      setError(messageFor(caught, field));
    } finally {
      setPending((count) => count - 1);
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
        onChange={(event) => {
          setText(event.target.value);
          if (error) setError(null);
        }}
      />
      <Button type="submit" variant="secondary" disabled={queue.isPending(text.trim())}>
        {buttonLabel}
      </Button>
    </form>
  );
}
