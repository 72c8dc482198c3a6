// Turning a reply into the writer's material. "Add as action steps": every markdown list item
// (bullets, numbers, task-list checkboxes, nested items too) becomes one step, its text
// without list markers and inline emphasis. "Save as prompt": the reply becomes a prompt's
// details, titled from its first heading or line. Code blocks are never mined for steps.
import { LIMITS } from '../../domain/limits';

const ITEM = /^(\s*)(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const FENCE = /^\s*(```|~~~)/;
const CHECKBOX = /^\[[ xX]\][ \t]+/;
const RULE = /^[\s*_-]*$/;

/** Inline markdown reduced to its text: links, emphasis, code spans. */
export function plainInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function extractListItems(markdown: string): string[] {
  const items: string[] = [];
  let current: string[] | null = null;
  let inFence = false;
  const flush = () => {
    if (current) {
      const text = plainInline(current.join(' ').replace(CHECKBOX, ''));
      if (text !== '' && !RULE.test(text)) items.push(clip(text, LIMITS.actionStepText));
    }
    current = null;
  };
  for (const line of markdown.split(/\r\n|\r|\n/)) {
    if (FENCE.test(line)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const item = ITEM.exec(line);
    if (item && !RULE.test(line)) {
      flush();
      current = [item[2]!.trim()];
    } else if (line.trim() === '' || /^\s*(#|>|\|)/.test(line)) {
      flush();
    } else if (current) {
      current.push(line.trim());
    }
  }
  flush();
  return items.slice(0, LIMITS.actionSteps);
}

export interface PromptDraft {
  title: string;
  details: string;
}

export function promptFromReply(markdown: string, fallbackTitle = 'Saved reply'): PromptDraft {
  const lines = markdown.split(/\r\n|\r|\n/).map((line) => line.trim());
  const heading = lines.find((line) => /^#{1,6}\s+\S/.test(line));
  const first =
    heading ?? lines.find((line) => line !== '' && !FENCE.test(line) && !RULE.test(line));
  const title = first
    ? plainInline(
        first
          .replace(/^#{1,6}\s+/, '')
          .replace(ITEM, '$2')
          .replace(/^>\s*/, ''),
      )
    : '';
  return { title: clip(title || fallbackTitle, 80), details: markdown.slice(0, LIMITS.details) };
}
