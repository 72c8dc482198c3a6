// Where keyboard focus goes when the control that has it removes its own row (a deleted action
// step, a removed tag): the same control of the next row, else of the previous one, else the
// section's add field. Moved before the row goes, so focus never falls back to the page start.
// The row is marked as leaving, so a quick second Enter never sends focus to a row on its way out.
const LEAVING = 'leaving';

function staying(row: Element | null, step: (row: Element) => Element | null): HTMLElement | null {
  let candidate = row && step(row);
  while (candidate && (candidate as HTMLElement).dataset.rowState === LEAVING)
    candidate = step(candidate);
  return candidate as HTMLElement | null;
}

export function moveFocusOffRow(control: HTMLElement): void {
  const row = control.closest('li');
  if (!row) return;
  row.dataset.rowState = LEAVING;
  if (document.activeElement !== control) return;
  const place = [...row.querySelectorAll('button')].indexOf(control as HTMLButtonElement);
  const neighbour =
    staying(row, (r) => r.nextElementSibling) ?? staying(row, (r) => r.previousElementSibling);
  const target =
    neighbour?.querySelectorAll<HTMLElement>('button')[place] ??
    row.closest('section')?.querySelector<HTMLElement>('.create-form input');
  target?.focus();
}
