// Where keyboard focus goes when the control that has it removes its own row (a deleted story,
// category or action step, a removed tag): the control with the same `data-row-action` in the
// next row, else in the previous one, else `fallback` (a selector inside the nearest <section>,
// by default its add field). Moved before the row goes, so focus never falls back to the page
// start. The row is marked as leaving, so a quick second Enter never sends focus to a row that
// is on its way out.
const LEAVING = 'leaving';

function staying(row: Element, step: (row: Element) => Element | null): Element | null {
  let candidate = step(row);
  while (candidate instanceof HTMLElement && candidate.dataset.rowState === LEAVING)
    candidate = step(candidate);
  return candidate;
}

export function moveFocusOffRow(control: HTMLElement, fallback = '.create-form input'): void {
  const row = control.closest('li');
  if (!row) return;
  row.dataset.rowState = LEAVING;
  if (document.activeElement !== control) return;
  const action = control.dataset.rowAction;
  const same = (neighbour: Element | null) =>
    action ? neighbour?.querySelector<HTMLElement>(`[data-row-action="${action}"]`) : null;
  const target =
    same(staying(row, (r) => r.nextElementSibling)) ??
    same(staying(row, (r) => r.previousElementSibling)) ??
    row.closest('section')?.querySelector<HTMLElement>(fallback);
  target?.focus();
}
