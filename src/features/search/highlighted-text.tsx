// Shows text with its matches in <mark> elements, built from offsets: the writer's text is only
// ever rendered as text (no HTML strings, no dangerouslySetInnerHTML).
import type { HighlightedText as Highlighted } from '../../platform/search-client';

export function HighlightedText({ value }: { value: Highlighted }) {
  const parts: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const [start, end] of value.highlights) {
    if (start < at || end <= start) continue; // defensive: offsets are sorted and disjoint
    if (start > at) parts.push({ text: value.text.slice(at, start), marked: false });
    parts.push({ text: value.text.slice(start, end), marked: true });
    at = end;
  }
  if (at < value.text.length) parts.push({ text: value.text.slice(at), marked: false });
  return (
    <>
      {parts.map((part, i) =>
        part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}
