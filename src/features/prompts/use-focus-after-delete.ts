// Where keyboard focus goes on the board after a prompt was deleted in the editor, which then
// leaves for the board: without this it falls to <body> on the new page and a keyboard writer
// starts again from the top. The editor names the deleted prompt's neighbour (the next prompt
// in its category, else the previous one) and its category in the navigation state; once the
// board shows them, focus goes to that neighbour's title link, else to the category's "New
// prompt title" field. Done once per navigation, so a re-render never steals focus again.
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

export interface FocusAfterDelete {
  /** The prompt to focus: the deleted one's next (else previous) sibling, if any. */
  promptId: string | null;
  categoryId: string;
}

interface BoardState {
  focusAfterDelete?: FocusAfterDelete;
}

function focusTarget({ promptId, categoryId }: FocusAfterDelete): HTMLElement | null {
  const card = promptId
    ? document.querySelector(`[data-prompt-id="${CSS.escape(promptId)}"]`)
    : null;
  const section = document.querySelector(`[data-category-id="${CSS.escape(categoryId)}"]`);
  return (
    card?.querySelector<HTMLElement>('.prompt-card__title') ??
    section?.querySelector<HTMLElement>('.board-section__new-prompt input') ??
    null
  );
}

/** `ready`: the board's sections are on screen (not loading). */
export function useFocusAfterDelete(ready: boolean): void {
  const location = useLocation();
  const handled = useRef<string | null>(null);
  const wanted = (location.state as BoardState | null)?.focusAfterDelete;
  useEffect(() => {
    if (!ready || !wanted || handled.current === location.key) return;
    const target = focusTarget(wanted);
    if (!target) return;
    handled.current = location.key;
    target.focus();
  }, [ready, wanted, location.key]);
}
