// One action step: drag handle, checkbox named by the step's text, inline rename, move and
// delete buttons (names include the step text so a screen reader user knows which step).
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { InlineEditableText } from '../../components/ui/inline-editable-text';
import type { ActionStep } from '../../domain/entities';
import { DragHandle } from './drag-handle';

export interface ActionStepItemProps {
  step: ActionStep;
  onToggle: (done: boolean) => Promise<unknown>;
  onRename: (text: string) => Promise<unknown>;
  onDelete: () => void;
  onMoveUp?: () => void;
  onMoveDown?: () => void;
}

/**
 * The checkbox shows the tick at once; the stored value takes over as soon as the live query
 * brings it back (or the write fails, when the box returns to what is stored).
 */
function useTickedState(stored: boolean, save: (done: boolean) => Promise<unknown>) {
  const [pending, setPending] = useState<boolean | null>(null);
  const [seen, setSeen] = useState(stored);
  if (stored !== seen) {
    setSeen(stored);
    setPending(null);
  }
  const set = (done: boolean) => {
    setPending(done);
    save(done).catch(() => setPending(null));
  };
  return { value: pending ?? stored, set };
}

export function ActionStepItem({ step, onToggle, onRename, onDelete, onMoveUp, onMoveDown }: ActionStepItemProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: step.id });
  const checked = useTickedState(step.done, onToggle);
  const style = { transform: CSS.Translate.toString(transform), transition };
  return (
    <li ref={setNodeRef} style={style} className={`step-item${step.done ? ' step-item--done' : ''}${isDragging ? ' is-dragging' : ''}`}>
      <DragHandle label={`Drag step ${step.text}`} attributes={attributes} listeners={listeners} setRef={setActivatorNodeRef} />
      <input
        type="checkbox"
        className="step-item__check"
        checked={checked.value}
        aria-label={step.text}
        onChange={(event) => checked.set(event.target.checked)}
      />
      <InlineEditableText value={step.text} label="Action step" className="step-item__text" onCommit={onRename} />
      <Button size="small" variant="ghost" aria-label={`Move step ${step.text} up`} disabled={!onMoveUp} onClick={onMoveUp}>
        ↑
      </Button>
      <Button size="small" variant="ghost" aria-label={`Move step ${step.text} down`} disabled={!onMoveDown} onClick={onMoveDown}>
        ↓
      </Button>
      <Button size="small" variant="ghost" aria-label={`Delete step ${step.text}`} onClick={onDelete}>
        ✕
      </Button>
    </li>
  );
}
