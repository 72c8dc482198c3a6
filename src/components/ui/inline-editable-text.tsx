// Text shown as text that becomes a field when clicked (or activated with Enter/Space).
// Enter (or Ctrl+Enter when multiline) and blur commit, Escape cancels. If `onCommit` throws,
// the field stays open with the typed text and the error under it, so nothing is lost. Leaving
// the screen mid-edit (browser back, which unmounts the field without a blur) commits too.
import { useEffect, useId, useRef, useState } from 'react';
import { describeError } from './describe-error';

export interface InlineEditableTextProps {
  value: string;
  /** What the text is, e.g. "Category title": the field's label and part of the button name. */
  label: string;
  onCommit: (value: string) => unknown;
  multiline?: boolean;
  placeholder?: string;
  maxLength?: number;
  className?: string;
  /** Rendered text style, e.g. 'heading' for section titles. */
  variant?: 'body' | 'heading';
}

export function InlineEditableText({
  value,
  label,
  onCommit,
  multiline = false,
  placeholder = 'Empty',
  maxLength,
  className,
  variant = 'body',
}: InlineEditableTextProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const fieldRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const errorId = useId();
  const unmountCommit = useRef({ editing, draft, value, onCommit });
  useEffect(() => {
    unmountCommit.current = { editing, draft, value, onCommit };
  });
  useEffect(
    () => () => {
      const { editing, draft, value, onCommit } = unmountCommit.current;
      if (!editing || draft === value) return;
      // Nowhere is left to show a refusal (too long, empty): that text goes with the field.
      Promise.resolve()
        .then(() => onCommit(draft))
        .catch(() => undefined);
    },
    [],
  );

  useEffect(() => {
    if (editing) fieldRef.current?.select();
    else if (returnFocus.current) {
      returnFocus.current = false;
      buttonRef.current?.focus();
    }
  }, [editing]);

  const start = () => {
    setDraft(value);
    setError(null);
    setEditing(true);
  };

  const commit = async (refocus: boolean) => {
    if (draft === value) {
      returnFocus.current = refocus;
      setEditing(false);
      return;
    }
    try {
      await onCommit(draft);
      setError(null);
      returnFocus.current = refocus;
      setEditing(false);
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const cancel = () => {
    returnFocus.current = true;
    setError(null);
    setEditing(false);
  };

  if (!editing) {
    return (
      <button
        ref={buttonRef}
        type="button"
        className={`ui-inline-edit ui-inline-edit--${variant} ${className ?? ''}`}
        onClick={start}
      >
        <span className="sr-only">{`Edit ${label}: `}</span>
        {value ? value : <span className="ui-inline-edit__placeholder">{placeholder}</span>}
      </button>
    );
  }

  const common = {
    ref: fieldRef,
    value: draft,
    maxLength,
    'aria-label': label,
    dir: 'auto', // right-to-left text (Hebrew, Arabic) lays out from the right as typed
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    className: `ui-input ui-inline-edit__field ui-inline-edit__field--${variant}`,
    onBlur: () => void commit(false),
  };
  return (
    <div className={`ui-inline-edit__editor ${className ?? ''}`}>
      {multiline ? (
        <textarea
          {...common}
          rows={3}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') cancel();
            else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void commit(true);
          }}
        />
      ) : (
        <input
          {...common}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') cancel();
            else if (event.key === 'Enter') {
              event.preventDefault();
              void commit(true);
            }
          }}
        />
      )}
      {error ? (
        <p id={errorId} className="ui-field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
