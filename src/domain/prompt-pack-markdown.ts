// A Markdown prompt pack, as a story's Markdown export writes it (story-markdown.ts):
// "## Category" with its description below, then "### Prompt" with its details below,
// "- [ ] step" lines as action steps and a line of "#tags". Text before the first "##" (the
// story's overview) is skipped. Code blocks are text, whatever they hold, and the writer's
// text comes back as it was before the export (embedded-markdown.ts). Checked like the other
// kinds of pack (prompt-pack.ts).
import { checkedCategory, checkedPrompt, grouped, PromptPackError } from './prompt-pack';
import type { PackPrompt, PromptPack } from './prompt-pack';
import { CodeFences, STEP_LINE, TAG_LINE, unembedLine } from './embedded-markdown';
import { LIMITS } from './limits';

export function parsePackMarkdown(text: string): PromptPack {
  const entries: { category: string; prompt: PackPrompt }[] = [];
  let category: string | null = null;
  // Lines between a "##" heading and its first "###", by category key (as grouped() keys).
  const descriptions = new Map<string, { title: string; lines: string[] }>();
  let current: {
    title: string;
    line: number;
    details: string[];
    tags: string[];
    steps: string[];
  } | null = null;
  const finish = () => {
    if (!current) return;
    const { title: promptTitle, line, details, tags, steps } = current;
    entries.push({
      category: category ?? '',
      prompt: checkedPrompt(`The prompt at line ${line}`, {
        title: promptTitle,
        details: details.join('\n').trim(),
        tags,
        action_steps: steps,
      }),
    });
    current = null;
  };
  const fences = new CodeFences();
  // A block left open by hand would swallow every prompt after it: refused, with its line.
  let codeOpenedAt = 0;
  let headingInCode = false;
  text.split(/\r?\n/).forEach((line, index) => {
    const opening = fences.unclosed === null;
    if (fences.isCode(line)) {
      if (opening) [codeOpenedAt, headingInCode] = [index + 1, false];
      else if (/^#{2,3}\s/.test(line)) headingInCode = true;
      if (current) current.details.push(line);
      else if (category !== null) descriptions.get(category.toLowerCase())!.lines.push(line);
      return;
    }
    const heading = /^(#{2,3})\s+(.*)$/.exec(line);
    if (heading) {
      finish();
      if (heading[1] === '##') {
        category = checkedCategory(`The category at line ${index + 1}`, heading[2]!);
        if (!descriptions.has(category.toLowerCase()))
          descriptions.set(category.toLowerCase(), { title: category, lines: [] });
      } else
        current = { title: heading[2]!.trim(), line: index + 1, details: [], tags: [], steps: [] };
      return;
    }
    if (!current) {
      if (category !== null)
        descriptions.get(category.toLowerCase())!.lines.push(unembedLine(line));
      return;
    }
    const step = STEP_LINE.exec(line.trim());
    if (step) current.steps.push(step[2]!);
    else if (TAG_LINE.test(line.trim()))
      current.tags.push(
        ...line
          .trim()
          .split(/\s+/)
          .map((tag) => tag.slice(1)),
      );
    else current.details.push(unembedLine(line));
  });
  finish();
  if (fences.unclosed !== null && headingInCode) {
    throw new PromptPackError(
      `The code block that starts at line ${codeOpenedAt} is never closed, so the categories and prompts after it would be read as code. Close it with a ${fences.unclosed} line and import again. Nothing was imported.`,
    );
  }
  if (entries.length === 0) {
    throw new PromptPackError(
      'No prompts found: in a Markdown prompt pack each prompt starts with a "### Title" line (under a "## Category").',
    );
  }
  return grouped(entries, checkedDescriptions(descriptions));
}

/** Descriptions are checked here: a category is created only after the prompts before it. */
function checkedDescriptions(
  descriptions: ReadonlyMap<string, { title: string; lines: string[] }>,
): Map<string, string> {
  const checked = new Map<string, string>();
  for (const [key, { title, lines }] of descriptions) {
    const description = lines.join('\n').trim();
    if (description.length > LIMITS.description) {
      throw new PromptPackError(
        `The description of “${title}” is too long: at most ${LIMITS.description.toLocaleString('en')} characters. Nothing was imported.`,
      );
    }
    checked.set(key, description);
  }
  return checked;
}
