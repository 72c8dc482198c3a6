// A story as one Markdown document, to read, print or paste anywhere: the overview, then each
// category in board order with its prompts (details as written, action steps as a checklist,
// tags). The writer's own Markdown goes in so that it reads as written and imports back
// unchanged as a prompt pack (embedded-markdown.ts).
import { embedMarkdown } from './embedded-markdown';
import type { Category, Prompt, Story } from './entities';

export interface StoryForMarkdown {
  story: Story;
  categories: readonly { category: Category; prompts: readonly Prompt[] }[];
}

/** Keeps a one-line value on one line and stops it from starting a heading or list by accident. */
function inline(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function section(heading: string, body: string): string[] {
  return body.trim() === '' ? [] : [`**${heading}**`, '', embedMarkdown(body), ''];
}

function promptMarkdown(prompt: Prompt): string[] {
  const lines = [`### ${inline(prompt.title)}`, ''];
  if (prompt.tags.length > 0) lines.push(prompt.tags.map((tag) => `#${tag}`).join(' '), '');
  if (prompt.details.trim() !== '') lines.push(embedMarkdown(prompt.details), '');
  if (prompt.action_steps.length > 0) {
    for (const step of prompt.action_steps)
      lines.push(`- [${step.done ? 'x' : ' '}] ${inline(step.text)}`);
    lines.push('');
  }
  return lines;
}

export function storyMarkdown({ story, categories }: StoryForMarkdown): string {
  const lines = [`# ${inline(story.title)}`, ''];
  if (story.logline.trim() !== '') lines.push(`> ${inline(story.logline)}`, '');
  if (story.genre.trim() !== '') lines.push(`Genre: ${inline(story.genre)}`, '');
  lines.push(...section('Synopsis', story.synopsis), ...section('Notes', story.notes));
  for (const { category, prompts } of categories) {
    lines.push(`## ${inline(category.title)}`, '');
    if (category.description.trim() !== '') lines.push(embedMarkdown(category.description), '');
    for (const prompt of prompts) lines.push(...promptMarkdown(prompt));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * A file name from a title: letters (with their marks), digits and dashes only. Accents come
 * off Latin letters ("Résumé" → "resume"); in other scripts the marks are part of the letter
 * (Devanagari vowel signs, Japanese dakuten), so they stay and the text is recomposed (NFC).
 */
export function fileNameFor(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  // Cut by code points, so a character outside the BMP is never split in half.
  const cut = Array.from(base).slice(0, 80).join('').replace(/-+$/, '');
  return `${cut || 'story'}.${extension}`;
}
