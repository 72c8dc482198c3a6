// Line-level three-way merge of long text (prompt details, synopsis, notes, system prompt).
// Edits to different lines merge cleanly; edits to the same or touching lines are a conflict
// and both texts are kept for the writer. Never fuzzy patching: a fuzzy patch can silently
// garble text, a refused merge cannot.
import { diff3Merge } from 'node-diff3';

export type TextMergeResult = { clean: true; text: string } | { clean: false };

function lines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

export function mergeText(base: string, ours: string, theirs: string): TextMergeResult {
  if (ours === theirs) return { clean: true, text: ours };
  if (ours === base) return { clean: true, text: theirs };
  if (theirs === base) return { clean: true, text: ours };
  const regions = diff3Merge(lines(ours), lines(base), lines(theirs), {
    excludeFalseConflicts: true,
  });
  let text = '';
  for (const region of regions) {
    if (region.conflict) return { clean: false };
    text += (region.ok ?? []).join('');
  }
  return { clean: true, text };
}
