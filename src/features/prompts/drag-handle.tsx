// The grip a pointer or keyboard user grabs to drag (dnd-kit listeners live here only, so the
// rest of a card or section stays clickable and selectable).
import type { DraggableAttributes, DraggableSyntheticListeners } from '@dnd-kit/core';

export interface DragHandleProps {
  label: string;
  attributes: DraggableAttributes;
  listeners: DraggableSyntheticListeners;
  setRef: (element: HTMLElement | null) => void;
}

export function DragHandle({ label, attributes, listeners, setRef }: DragHandleProps) {
  return (
    <button
      type="button"
      ref={setRef}
      className="drag-handle"
      {...attributes}
      {...listeners}
      aria-label={label}
      title={label}
    >
      <span aria-hidden="true">⠿</span>
    </button>
  );
}
