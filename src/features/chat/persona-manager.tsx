// Manage personas: copy a built-in into an editable one, create, edit, delete (with undo).
// Built-ins themselves are never edited: they ship with the app and are the same everywhere.
import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { useToast } from '../../components/ui/toast';
import { db } from '../../db/instance';
import {
  copyPersona,
  createPersona,
  deletePersona,
  restorePersona,
  updatePersona,
} from '../../db/personas-repository';
import type { PersonaFields } from '../../db/personas-repository';
import type { Persona } from '../../domain/entities';
import { BUILTIN_PERSONAS } from '../../domain/personas';
import { describeError } from '../../lib/app-error';
import { PersonaForm } from './persona-form';

const BLANK: PersonaFields = {
  name: '',
  description: '',
  system_prompt: '',
  default_model: '',
  temperature: 0.7,
};

function fieldsOf(persona: Persona): PersonaFields {
  const { name, description, system_prompt, default_model, temperature } = persona;
  return { name, description, system_prompt, default_model, temperature };
}

export interface PersonaManagerProps {
  custom: readonly Persona[];
  /** A persona was created or copied: the chat may switch to it. */
  onCreated: (persona: Persona) => void;
  onClose: () => void;
}

export function PersonaManager({ custom, onCreated, onClose }: PersonaManagerProps) {
  const toast = useToast();
  const [editing, setEditing] = useState<string | 'new' | null>(null);

  const copy = async (id: string) => {
    try {
      const persona = await copyPersona(db, id);
      onCreated(persona);
      setEditing(persona.id);
    } catch (error) {
      toast.error(describeError(error));
    }
  };
  const remove = async (persona: Persona) => {
    try {
      await deletePersona(db, persona.id);
      toast.show(`Persona “${persona.name}” deleted`, {
        actionLabel: 'Undo',
        onAction: () => restorePersona(db, persona.id).then(() => undefined),
      });
    } catch (error) {
      toast.error(describeError(error));
    }
  };

  return (
    <section className="persona-manager card stack-tight" aria-label="Manage personas">
      <div className="row chat-panel-head">
        <h2>Personas</h2>
        <Button size="small" onClick={onClose}>
          Close
        </Button>
      </div>
      <h3>Built-in</h3>
      <ul className="persona-list">
        {BUILTIN_PERSONAS.map((persona) => (
          <li key={persona.id} className="persona-list__item">
            <span>
              <strong>{persona.name}</strong> <span className="muted">{persona.description}</span>
            </span>
            <Button
              size="small"
              onClick={() => void copy(persona.id)}
              aria-label={`Copy ${persona.name}`}
            >
              Copy
            </Button>
          </li>
        ))}
      </ul>
      <h3>Yours</h3>
      {custom.length === 0 ? (
        <p className="muted">None yet: copy a built-in or create one.</p>
      ) : null}
      <ul className="persona-list">
        {custom.map((persona) =>
          editing === persona.id ? (
            <li key={persona.id}>
              <PersonaForm
                initial={fieldsOf(persona)}
                submitLabel={`Save ${persona.name}`}
                onSubmit={async (fields) => {
                  await updatePersona(db, persona.id, fields);
                  setEditing(null);
                }}
                onCancel={() => setEditing(null)}
              />
            </li>
          ) : (
            <li key={persona.id} className="persona-list__item">
              <span>
                <strong>{persona.name}</strong> <span className="muted">{persona.description}</span>
              </span>
              <span className="row">
                <Button
                  size="small"
                  onClick={() => setEditing(persona.id)}
                  aria-label={`Edit ${persona.name}`}
                >
                  Edit
                </Button>
                <Button
                  size="small"
                  variant="danger"
                  onClick={() => void remove(persona)}
                  aria-label={`Delete ${persona.name}`}
                >
                  Delete
                </Button>
              </span>
            </li>
          ),
        )}
      </ul>
      {editing === 'new' ? (
        <PersonaForm
          initial={BLANK}
          submitLabel="Create persona"
          onSubmit={async (fields) => {
            const persona = await createPersona(db, fields);
            onCreated(persona);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <Button onClick={() => setEditing('new')}>New persona</Button>
      )}
    </section>
  );
}
