// One action step: drag handle, checkbox named by the step's text, inline rename, move and
// delete buttons (names include the step text so a screen reader user knows which step).
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button } from '../../components/ui/button';
import { moveFocusOffRow } from '../../components/ui/focus-off-row';
import { isRepeatClick } from '../../components/ui/repeat-click';
import { InlineEditableText } from '../../components/ui/inline-editable-text';
import type { ActionStep } from '../../domain/entities';
import { DragHandle } from './drag-handle';
import { MoveButton } from './move-button';
import { usePendingValue } from './use-pending-value';

export interface ActionStepItemProps {
  step: ActionStep;
  onToggle: (done: boolean) => Promise<unknown>;
  onRename: (text: string) => Promise<unknown>;
  onDelete: () => void;
  onMoveUp?: () => void;
  onMoveDown?: () => void;
}

export function ActionStepItem({
  step,
  onToggle,
  onRename,
  onDelete,
  onMoveUp,
  onMoveDown,
}: ActionStepItemProps) {
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({ id: step.id });
  const checked = usePendingValue(step.done, onToggle);
  const style = { transform: CSS.Translate.toString(transform), transition };
  return (
    <li
      ref={setNodeRef}
      style={style}
      className={`step-item${step.done ? ' step-item--done' : ''}${isDragging ? ' is-dragging' : ''}`}
    >
      <DragHandle
        label={`Drag step ${step.text}`}
        attributes={attributes}
        listeners={listeners}
        setRef={setActivatorNodeRef}
      />
      <input
        type="checkbox"
        className="step-item__check"
        checked={checked.value}
        aria-label={step.text}
        onChange={(event) => checked.set(event.target.checked)}
      />
      <InlineEditableText
        value={step.text}
        label="Action step"
        className="step-item__text"
        onCommit={onRename}
      />
      <MoveButton aria-label={`Move step ${step.text} up`} onMove={onMoveUp}>
        ↑
      </MoveButton>
      <MoveButton aria-label={`Move step ${step.text} down`} onMove={onMoveDown}>
        ↓
      </MoveButton>
      <Button
        size="small"
        variant="ghost"
        aria-label={`Delete step ${step.text}`}
        data-row-action="delete-step"
        onClick={(event) => {
          if (isRepeatClick(event)) return;
          moveFocusOffRow(event.currentTarget);
          onDelete();
        }}
      >
        ✕
      </Button>
    </li>
  );
}
