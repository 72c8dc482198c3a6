// Edit one custom persona: name, description, system prompt, default model, temperature.
// Saved with the button; a refused value (empty name, too long) shows its message and the
// typed text stays in the form. It opens with the caret in the name: the button that opened
// it is gone, and focus would otherwise fall back to the page.
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '../../components/ui/button';
import { TextArea, TextField } from '../../components/ui/text-field';
import type { PersonaFields } from '../../db/personas-repository';
import { describeError } from '../../lib/app-error';
import { readPersonaDraft, writePersonaDraft } from './persona-drafts';

export interface PersonaFormProps {
  /** Where the unsaved text is kept (persona-drafts.ts): `new` or the persona's id. */
  draftKey: string;
  initial: PersonaFields;
  submitLabel: string;
  onSubmit: (fields: PersonaFields) => Promise<unknown>;
  onCancel: () => void;
}

export function PersonaForm({
  draftKey,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: PersonaFormProps) {
  const [draft] = useState(() => readPersonaDraft(draftKey));
  const [fields, setFields] = useState(draft?.fields ?? initial);
  const [temperature, setTemperature] = useState(draft?.temperature ?? String(initial.temperature));
  const [edited, setEdited] = useState(false);
  useEffect(() => {
    // Only what the writer typed is kept: opening a form and leaving it stores nothing.
    if (edited) writePersonaDraft(draftKey, { fields, temperature });
  }, [edited, draftKey, fields, temperature]);
  const [error, setError] = useState<string | null>(null);
  const nameField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    nameField.current?.focus();
  }, []);
  const set = <K extends keyof PersonaFields>(key: K, value: PersonaFields[K]) => {
    setEdited(true);
    setFields((current) => ({ ...current, [key]: value }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Number('') is 0: an emptied field (or one the browser emptied because it held "0,7")
    // would otherwise be saved as the coldest temperature without a word.
    const value = temperature.trim() === '' ? NaN : Number(temperature);
    if (!Number.isFinite(value) || value < 0 || value > 2) {
      setError('Temperature is a number from 0 (focused) to 2 (wild).');
      return;
    }
    try {
      await onSubmit({ ...fields, temperature: value });
      setEdited(false);
      writePersonaDraft(draftKey, null);
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  return (
    <form
      className="persona-form stack-tight"
      onSubmit={(event) => void submit(event)}
      aria-label={submitLabel}
    >
      <TextField
        ref={nameField}
        label="Persona name"
        value={fields.name}
        maxLength={80}
        onChange={(event) => set('name', event.target.value)}
        required
      />
      <TextField
        label="Description"
        value={fields.description}
        onChange={(event) => set('description', event.target.value)}
      />
      <TextArea
        label="System prompt"
        rows={6}
        value={fields.system_prompt}
        onChange={(event) => set('system_prompt', event.target.value)}
      />
      <div className="row">
        <TextField
          label="Default model"
          value={fields.default_model}
          placeholder="(the chat’s model)"
          onChange={(event) => set('default_model', event.target.value)}
        />
        <TextField
          label="Temperature"
          type="number"
          min={0}
          max={2}
          step={0.1}
          value={temperature}
          onChange={(event) => {
            setEdited(true);
            setTemperature(event.target.value);
          }}
        />
      </div>
      {error ? (
        <p className="ui-field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row">
        <Button type="submit" variant="primary">
          {submitLabel}
        </Button>
        <Button
          onClick={() => {
            // Cancel is the one way to throw the typed text away.
            writePersonaDraft(draftKey, null);
            onCancel();
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
