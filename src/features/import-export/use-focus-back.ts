// The import sections' buttons (Import, Add, Cancel) and progress go away once pressed or
// done. Keyboard focus that fell to the page with them goes back to the section's file input,
// instead of the writer starting again from the top of the page.
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';

export function useFocusBack(
  kind: string,
  kindsWithButtons: readonly string[],
  target: RefObject<HTMLElement | null>,
): void {
  const previous = useRef(kind);
  useEffect(() => {
    const hadButtons = kindsWithButtons.includes(previous.current);
    previous.current = kind;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (hadButtons && lost) target.current?.focus();
  }, [kind, kindsWithButtons, target]);
}
