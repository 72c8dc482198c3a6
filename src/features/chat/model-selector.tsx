// Seed `ModelSelector`: the models the provider lists (cached on this device, so the list works
// offline) in a datalist, and free entry for any model id the provider accepts.
import { useId, useState } from 'react';
import { Button } from '../../components/ui/button';
import type { ModelList } from './use-chat-data';

export interface ModelSelectorProps {
  value: string;
  onChange: (model: string) => void;
  list: ModelList;
  disabled?: boolean;
}

export function ModelSelector({ value, onChange, list, disabled }: ModelSelectorProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  // The chat's model changed elsewhere (persona default, another tab): show the new one.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  const commit = () => {
    if (draft.trim() && draft.trim() !== value) onChange(draft.trim());
    else setDraft(value);
  };
  return (
    <div className="chat-selector">
      <label htmlFor={`${id}-model`} className="chat-selector__label">
        Model
      </label>
      <div className="row">
        <input
          id={`${id}-model`}
          className="ui-input chat-selector__input"
          list={`${id}-models`}
          value={draft}
          disabled={disabled}
          autoComplete="off"
          spellCheck={false}
          placeholder="Type or pick a model"
          aria-describedby={list.error ? `${id}-error` : undefined}
          onChange={(event) => {
            setDraft(event.target.value);
            // Picking from the datalist is a complete choice: commit it at once.
            if (list.models.includes(event.target.value)) onChange(event.target.value);
          }}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              commit();
            }
          }}
        />
        <Button
          size="small"
          variant="ghost"
          onClick={list.refresh}
          disabled={list.refreshing}
          aria-label="Refresh the model list"
        >
          {list.refreshing ? '…' : '↻'}
        </Button>
      </div>
      <datalist id={`${id}-models`}>
        {list.models.map((model) => (
          <option key={model} value={model} />
        ))}
      </datalist>
      {list.error ? (
        <p id={`${id}-error`} className="chat-selector__hint">
          {list.error}{' '}
          {list.models.length
            ? 'Showing the list saved on this device; press ↻ to try again.'
            : 'Type a model id, or press ↻ to try again.'}
        </p>
      ) : null}
    </div>
  );
}
