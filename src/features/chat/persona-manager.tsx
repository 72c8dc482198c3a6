// Manage personas: copy a built-in into an editable one, create, edit, delete (with undo).
// Built-ins themselves are never edited: they ship with the app and are the same everywhere.
// Forms replace the row (or button) that opened them: when one closes, or a row is deleted,
// focus goes to that persona's Edit button or to "New persona", never back to the page.
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../components/ui/button';
import { useToast } from '../../components/ui/toast';
import { isRepeatClick } from '../../components/ui/repeat-click';
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

const NEW_KEY = 'new';
const editKey = (personaId: string) => `edit:${personaId}`;

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
  const section = useRef<HTMLElement>(null);
  /** The data-focus-key of the button to focus once it is rendered. */
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    const key = focusNext.current;
    const target = key
      ? section.current?.querySelector<HTMLElement>(`[data-focus-key="${key}"]`)
      : null;
    if (!target) return;
    focusNext.current = null;
    target.focus();
  });
  const close = (focusKey: string) => {
    focusNext.current = focusKey;
    setEditing(null);
  };

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
    // Its row (with the focused Delete button) is about to go.
    focusNext.current = NEW_KEY;
    try {
      await deletePersona(db, persona.id);
      toast.undoable(`Persona “${persona.name}” deleted`, () =>
        restorePersona(db, persona.id).then(() => undefined),
      );
    } catch (error) {
      toast.error(describeError(error));
    }
  };

  return (
    <section
      ref={section}
      className="persona-manager card stack-tight"
      aria-label="Manage personas"
    >
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
                draftKey={persona.id}
                initial={fieldsOf(persona)}
                submitLabel={`Save ${persona.name}`}
                onSubmit={async (fields) => {
                  await updatePersona(db, persona.id, fields);
                  close(editKey(persona.id));
                }}
                onCancel={() => close(editKey(persona.id))}
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
                  data-focus-key={editKey(persona.id)}
                >
                  Edit
                </Button>
                <Button
                  size="small"
                  variant="danger"
                  onClick={(event) => {
                    if (!isRepeatClick(event)) void remove(persona);
                  }}
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
          draftKey={NEW_KEY}
          initial={BLANK}
          submitLabel="Create persona"
          onSubmit={async (fields) => {
            const persona = await createPersona(db, fields);
            onCreated(persona);
            close(editKey(persona.id));
          }}
          onCancel={() => close(NEW_KEY)}
        />
      ) : (
        <Button onClick={() => setEditing('new')} data-focus-key={NEW_KEY}>
          New persona
        </Button>
      )}
    </section>
  );
}
