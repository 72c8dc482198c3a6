// Replies are rendered block by block, each block's parsed tree cached by its text: a streaming
// reply parses each paragraph once as it completes (not the whole prefix again and again), and
// when the reply settles its blocks are cache hits, so an 8 KB answer never costs one 50 ms
// parse on the main thread (B19). Blocks are cut only where markdown cannot join them: at a
// blank line outside a code fence, before an unindented line, and never between list items.
import type { ReactElement } from 'react';

const FENCE = /^\s*(```|~~~)/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s/;
const CACHE_LIMIT = 400;

export function splitMarkdownBlocks(text: string): string[] {
  const lines = text.split('\n');
  const blocks: string[] = [];
  let current: string[] = [];
  let inFence = false;
  let lastContent = '';
  for (const line of lines) {
    const startsBlock =
      !inFence &&
      current.length > 0 &&
      current[current.length - 1]!.trim() === '' &&
      line.trim() !== '' &&
      !/^\s/.test(line) &&
      !(LIST_ITEM.test(line) && LIST_ITEM.test(lastContent));
    if (startsBlock) {
      blocks.push(current.join('\n'));
      current = [];
    }
    current.push(line);
    if (FENCE.test(line)) inFence = !inFence;
    if (line.trim() !== '') lastContent = line;
  }
  blocks.push(current.join('\n'));
  return blocks;
}

/** A small LRU of parsed blocks (Map keeps insertion order; a hit moves the entry to the end). */
export class BlockCache {
  private readonly entries = new Map<string, ReactElement>();

  constructor(private readonly limit = CACHE_LIMIT) {}

  get(text: string, parse: (text: string) => ReactElement): ReactElement {
    const hit = this.entries.get(text);
    if (hit) {
      this.entries.delete(text);
      this.entries.set(text, hit);
      return hit;
    }
    const parsed = parse(text);
    this.entries.set(text, parsed);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
    return parsed;
  }
}
