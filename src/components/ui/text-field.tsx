// Labelled text inputs. The label is always rendered (visually hidden with `hideLabel`), the
// error sits right under the field and is tied to it with aria-describedby + aria-invalid, so
// a screen reader hears what is wrong while the typed text stays in the field. Fields take their
// direction from what is typed (dir="auto"): writers write in Hebrew or Arabic too, and a
// right-to-left text laid out left to right scrambles its punctuation.
import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode, Ref, TextareaHTMLAttributes } from 'react';

interface FieldChrome {
  label: string;
  hideLabel?: boolean;
  /** Shown under the field when set; marks the field invalid. */
  error?: string | null;
  hint?: ReactNode;
}

function describedBy(ids: Array<string | false | undefined>): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}

/** Ids tying a control to its label, hint and error, shared by every field kind. */
function useFieldIds(
  id: string | undefined,
  hint: unknown,
  error: unknown,
  extraDescribedBy: string | undefined,
) {
  const autoId = useId();
  const fieldId = id ?? `field-${autoId}`;
  const hintId = `${fieldId}-hint`;
  const errorId = `${fieldId}-error`;
  const describedByIds = describedBy([
    hint ? hintId : false,
    error ? errorId : false,
    extraDescribedBy,
  ]);
  return { fieldId, hintId, errorId, describedByIds };
}

function FieldFrame({
  id,
  label,
  hideLabel,
  error,
  hint,
  hintId,
  errorId,
  children,
}: FieldChrome & { id: string; hintId: string; errorId: string; children: ReactNode }) {
  return (
    <div className={`ui-field${error ? ' ui-field--invalid' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'ui-field__label sr-only' : 'ui-field__label'}>
        {label}
      </label>
      {children}
      {hint ? (
        <p id={hintId} className="ui-field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="ui-field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export interface TextFieldProps
  extends FieldChrome, Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id?: string;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({
  label,
  hideLabel,
  error,
  hint,
  id,
  className,
  'aria-describedby': extraDescribedBy,
  ...input
}: TextFieldProps) {
  const { fieldId, hintId, errorId, describedByIds } = useFieldIds(
    id,
    hint,
    error,
    extraDescribedBy,
  );
  return (
    <FieldFrame {...{ id: fieldId, label, hideLabel, error, hint, hintId, errorId }}>
      <input
        id={fieldId}
        className={`ui-input ${className ?? ''}`}
        dir="auto"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByIds}
        {...input}
      />
    </FieldFrame>
  );
}

export interface TextAreaProps
  extends FieldChrome, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  id?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

export function TextArea({
  label,
  hideLabel,
  error,
  hint,
  id,
  className,
  rows = 4,
  'aria-describedby': extraDescribedBy,
  ...textarea
}: TextAreaProps) {
  const { fieldId, hintId, errorId, describedByIds } = useFieldIds(
    id,
    hint,
    error,
    extraDescribedBy,
  );
  return (
    <FieldFrame {...{ id: fieldId, label, hideLabel, error, hint, hintId, errorId }}>
      <textarea
        id={fieldId}
        rows={rows}
        className={`ui-input ui-textarea ${className ?? ''}`}
        dir="auto"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByIds}
        {...textarea}
      />
    </FieldFrame>
  );
}
