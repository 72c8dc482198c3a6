// Seed `PersonaSelector`: the built-in personas and the writer's own, with a way to manage them.
import { useId, useState } from 'react';
import { Button } from '../../components/ui/button';
import type { Persona } from '../../domain/entities';
import { BUILTIN_PERSONAS } from '../../domain/personas';
import { findPersona } from './chat-persona';
import { PersonaManager } from './persona-manager';

export interface PersonaSelectorProps {
  value: string | null;
  onChange: (personaId: string | null, persona: Persona | undefined) => void;
  custom: readonly Persona[];
  disabled?: boolean;
}

const NONE = '';

export function PersonaSelector({ value, onChange, custom, disabled }: PersonaSelectorProps) {
  const id = useId();
  const [managing, setManaging] = useState(false);
  const selected = findPersona(value, custom);
  const choose = (personaId: string) =>
    onChange(personaId || null, findPersona(personaId || null, custom));
  return (
    <div className="chat-selector">
      <label htmlFor={`${id}-persona`} className="chat-selector__label">
        Persona
      </label>
      <div className="row">
        <select
          id={`${id}-persona`}
          className="ui-input chat-selector__input"
          value={value ?? NONE}
          disabled={disabled}
          onChange={(event) => choose(event.target.value)}
        >
          <option value={NONE}>No persona</option>
          <optgroup label="Built-in">
            {BUILTIN_PERSONAS.map((persona) => (
              <option key={persona.id} value={persona.id}>
                {persona.name}
              </option>
            ))}
          </optgroup>
          {custom.length ? (
            <optgroup label="Yours">
              {custom.map((persona) => (
                <option key={persona.id} value={persona.id}>
                  {persona.name}
                </option>
              ))}
            </optgroup>
          ) : null}
          {value && !selected ? <option value={value}>(deleted persona)</option> : null}
        </select>
        <Button
          size="small"
          variant="ghost"
          onClick={() => setManaging((open) => !open)}
          aria-expanded={managing}
        >
          Manage personas
        </Button>
      </div>
      {selected?.description ? <p className="chat-selector__hint">{selected.description}</p> : null}
      {managing ? (
        <PersonaManager
          custom={custom}
          onClose={() => setManaging(false)}
          onCreated={(persona) => onChange(persona.id, persona)}
        />
      ) : null}
    </div>
  );
}
