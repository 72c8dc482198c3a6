// Seeded generators for the search benchmarks (no network, same data every run): 10,000 prompts
// (title 4–8 words, details ≈ 2 KB, 3 of 200 tags, 50 categories, 3–8 action steps) and 100,000
// chat messages (300–500 B, some with code fences and tables). Words follow a Zipf-like
// distribution over a made-up vocabulary, so there are common, mid and rare words to search.
import type { Category, Chat, Message, Prompt, Story } from '../../../src/domain/entities';

export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON =
  'the and of to a in that it was he she for on with as his her they at by this had from but not'.split(
    ' ',
  );
const SYLLABLES =
  'ka lo mi ren tu sa vel dor an is qua zem or thi bel mar no cor pen lys ar fen go dra wyn el sol tir ba'.split(
    ' ',
  );

export function vocabulary(size: number, random: () => number): string[] {
  const words = new Set<string>(COMMON);
  while (words.size < size) {
    const count = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < count; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words];
}

/** Picks word i with probability ∝ 1 / (i + 1) (Zipf), via a precomputed cumulative table. */
export function zipfPicker(words: string[], random: () => number): () => string {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < words.length; i++) cumulative.push((total += 1 / (i + 1)));
  return () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return words[low]!;
  };
}

function sentence(pick: () => string, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(pick());
  const text = parts.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

function textOfLength(pick: () => string, random: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += sentence(pick, 6 + Math.floor(random() * 10)) + ' ';
  return text.slice(0, length);
}

const iso = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 1000).toISOString();
const uuid = (random: () => number) =>
  'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () =>
    Math.floor(random() * 16).toString(16),
  );

export interface BenchData {
  stories: Story[];
  categories: Category[];
  prompts: Prompt[];
  chats: Chat[];
  messages: Message[];
  words: string[];
}

export function generateData(promptCount: number, messageCount: number, seed = 42): BenchData {
  const random = rng(seed);
  const words = vocabulary(6_000, random);
  const pick = zipfPicker(words, random);
  const tags = Array.from({ length: 200 }, (_, i) => `tag-${words[100 + i]}`);
  const base = (n: number) => ({
    id: uuid(random),
    created_at: iso(n),
    updated_at: iso(n),
    deleted: false,
  });
  const story: Story = {
    ...base(0),
    title: 'Bench story',
    logline: sentence(pick, 10),
    synopsis: textOfLength(pick, random, 800),
    genre: 'fantasy',
    notes: '',
  };
  const categories: Category[] = Array.from({ length: 50 }, (_, i) => ({
    ...base(i),
    story_id: story.id,
    title: `Category ${words[40 + i]}`,
    description: '',
    color: '#5b3e96',
    position: `a${i.toString().padStart(3, '0')}`,
  }));
  const prompts: Prompt[] = Array.from({ length: promptCount }, (_, i) => ({
    ...base(i),
    story_id: story.id,
    category_id: categories[i % 50]!.id,
    title: sentence(pick, 4 + Math.floor(random() * 5)).slice(0, -1),
    details: textOfLength(pick, random, 1_900 + Math.floor(random() * 200)),
    action_steps: Array.from({ length: 3 + Math.floor(random() * 6) }, () => ({
      id: uuid(random),
      text: sentence(pick, 5),
      done: false,
    })),
    files: [],
    tags: [...new Set([0, 1, 2].map(() => tags[Math.floor(random() * 200)]!))],
    position: `a${i.toString().padStart(6, '0')}`,
  }));
  const chats: Chat[] = Array.from({ length: 200 }, (_, i) => ({
    ...base(i),
    story_id: null,
    title: sentence(pick, 3).slice(0, -1),
    model: 'bench',
    persona_id: null,
  }));
  const messages: Message[] = Array.from({ length: messageCount }, (_, i) => ({
    ...base(i),
    chat_id: chats[i % 200]!.id,
    role: i % 2 ? 'assistant' : 'user',
    content: messageContent(pick, random, i),
    model: 'bench',
    persona_id: null,
    status: 'sent',
    usage: null,
  }));
  return { stories: [story], categories, prompts, chats, messages, words };
}

function messageContent(pick: () => string, random: () => number, i: number): string {
  const length = 300 + Math.floor(random() * 200);
  if (i % 10 === 3)
    return (
      textOfLength(pick, random, length - 60) +
      '\n```ts\nconst ' +
      pick() +
      ' = 1;\n```'
    ).slice(0, 500);
  if (i % 10 === 7)
    return (
      textOfLength(pick, random, length - 60) + `\n| ${pick()} | ${pick()} |\n|---|---|\n| 1 | 2 |`
    ).slice(0, 500);
  return textOfLength(pick, random, length);
}
