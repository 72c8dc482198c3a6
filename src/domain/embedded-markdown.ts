// The writer's own Markdown (prompt details, category descriptions, synopsis, notes) inside a
// story's Markdown export, and back out of it when the file is imported as a prompt pack. The
// export's structure is "##" categories, "###" prompts, "- [ ]" action steps and "#tag" lines,
// so the writer's text must not be read as any of those, and must come back as it was:
// - headings move three levels down ("## Setting" → "##### Setting") and back up on import.
//   Markdown stops at ######, so h4–h6 all become ###### and come back as ### (a level lost,
//   never text; chat replies use ## and ###, which round-trip exactly);
// - a line that would read as a step or a tag line gets a backslash in front ("\- [ ] x"),
//   which Markdown shows as the plain text it was, and loses it on import (a line that
//   already starts with such a backslash gets one more, so the writer's own backslash stays);
// - code blocks are left exactly as written, and the import reads them as text whatever they
//   contain; a block the writer left open is closed at the end of their text (Markdown
//   renders an unclosed block to the end anyway, so it looks the same, and the next prompt
//   is not swallowed by it).

export const STEP_LINE = /^[-*] \[( |x|X)\] (.+)$/;
export const TAG_LINE = /^(#[^\s#]+)(\s+#[^\s#]+)*$/;

const HEADING = /^ {0,3}(#{1,6})(\s.*|)$/;
const NESTED_HEADING = /^ {0,3}#{4,6}(\s.*|)$/;
const OPENING_FENCE = /^ {0,3}(`{3,}(?!.*`)|~{3,})/;

/**
 * Follows fenced code blocks line by line as CommonMark does: a block opens with ``` or ~~~
 * (three or more) and closes with a bare fence of the same character, at least as long.
 */
export class CodeFences {
  private open: string | null = null;

  /** Whether `line` is code: inside a block, or one of its fences. */
  isCode(line: string): boolean {
    if (this.open === null) {
      const opening = OPENING_FENCE.exec(line);
      if (opening) this.open = opening[1]!;
      return opening !== null;
    }
    const closing = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
    if (closing && closing[1]![0] === this.open[0] && closing[1]!.length >= this.open.length)
      this.open = null;
    return true;
  }

  /** The fence that closes the block still open, if any. */
  get unclosed(): string | null {
    return this.open;
  }
}

/** A (trimmed) line the import would read as structure rather than as the writer's text. */
function readsAsStructure(trimmed: string): boolean {
  return (
    STEP_LINE.test(trimmed) ||
    TAG_LINE.test(trimmed) ||
    (trimmed.startsWith('\\') && readsAsStructure(trimmed.slice(1)))
  );
}

/** `text` as it goes into the export: headings nested, structure-like lines escaped. */
export function embedMarkdown(text: string): string {
  const fences = new CodeFences();
  const lines = text
    .trim()
    .split('\n')
    .map((line) => {
      if (fences.isCode(line)) return line;
      const heading = HEADING.exec(line);
      if (heading) return `${'#'.repeat(Math.min(6, heading[1]!.length + 3))}${heading[2]}`;
      const indent = /^\s*/.exec(line)![0];
      return readsAsStructure(line.trim()) ? `${indent}\\${line.slice(indent.length)}` : line;
    });
  if (fences.unclosed) lines.push(fences.unclosed);
  return lines.join('\n');
}

/** One line of the writer's text read back from an export (outside code blocks). */
export function unembedLine(line: string): string {
  if (NESTED_HEADING.test(line)) return line.trimStart().slice(3);
  const trimmed = line.trim();
  if (trimmed.startsWith('\\') && readsAsStructure(trimmed.slice(1))) {
    const at = line.indexOf('\\');
    return line.slice(0, at) + line.slice(at + 1);
  }
  return line;
}
