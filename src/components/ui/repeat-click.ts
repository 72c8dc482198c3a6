// A double click on a Delete button is two clicks: the first deletes the row, and the second
// lands on the same button before the row is gone (the item deleted twice, two Undo toasts) or
// on the neighbour's button that has just slid under the pointer (a second item deleted). The
// browser counts the clicks of a multi-click in `detail` (2 for the second of a double click;
// 0 for Enter or Space, so quick keyboard deletes, which move focus on purpose, are untouched).
export function isRepeatClick(event: { detail: number }): boolean {
  return event.detail > 1;
}
