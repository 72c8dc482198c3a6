// Seeded data for the benchmarks (design/benchmarks.md): the same seed gives the same rows on
// every run and in every context (Node or the browser), so two runs measure the same work and
// no benchmark needs the network. Rows are valid for the app's zod schemas (UUID v4 ids,
// normalized tags, fractional positions) because the import path validates every one.
import type { Category, Chat, Message, Prompt, Story } from '../../src/domain/entities';
import { positionsAfter } from '../../src/domain/ordering';

export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  uuid(): string;
}

/** mulberry32: tiny, fast and good enough to make benchmark data look varied. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const hex = (length: number) => Array.from({ length }, () => int(0, 15).toString(16)).join('');
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    // Version 4 and the RFC variant bits set, or zod's uuid() refuses it.
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`,
  };
}

const WORDS = (
  'lighthouse keeper storm harbour letter secret winter garden mirror train station orphan ' +
  'queen dragon forest river bridge stranger memory promise betrayal journey island map clock ' +
  'window candle shadow voice silence ribbon festival market thief soldier violin painter ' +
  'village mountain desert ocean compass lantern witness archive attic cellar orchard wolf ' +
  'raven feather ember ash salt iron glass velvet thunder frost harvest prophecy exile crown'
).split(' ');

export const TAG_COUNT = 200;
export const CATEGORY_COUNT = 50;
export const TAGS = Array.from(
  { length: TAG_COUNT },
  (_, index) => `${WORDS[index % WORDS.length]}-${index}`,
);

function sentence(random: Random, min: number, max: number): string {
  const words = Array.from({ length: random.int(min, max) }, () => random.pick(WORDS));
  const text = words.join(' ');
  return text[0]!.toUpperCase() + text.slice(1);
}

function paragraphOfBytes(random: Random, bytes: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    const part = `${sentence(random, 6, 16)}.`;
    parts.push(part);
    length += part.length + 1;
  }
  return parts.join(' ');
}

const ISO_BASE = Date.UTC(2025, 0, 1);
const isoAt = (offsetMs: number) => new Date(ISO_BASE + offsetMs).toISOString();

export interface StoryData {
  story: Story;
  categories: Category[];
}

/** One story with `categoryCount` categories. */
export function generateStory(seed: number, categoryCount = CATEGORY_COUNT): StoryData {
  const random = seededRandom(seed);
  const storyId = random.uuid();
  const story: Story = {
    id: storyId,
    title: sentence(random, 2, 5),
    logline: sentence(random, 8, 14),
    synopsis: paragraphOfBytes(random, 600),
    genre: 'Literary fiction',
    notes: '',
    created_at: isoAt(0),
    updated_at: isoAt(0),
    deleted: false,
  };
  const positions = positionsAfter(null, categoryCount);
  const categories = positions.map((position, index): Category => ({
    id: random.uuid(),
    story_id: storyId,
    title: `Category ${index + 1}: ${sentence(random, 1, 3)}`,
    description: sentence(random, 6, 12),
    color: `#${random.int(0, 0xffffff).toString(16).padStart(6, '0')}`,
    position,
    created_at: isoAt(index),
    updated_at: isoAt(index),
    deleted: false,
  }));
  return { story, categories };
}

/**
 * `count` prompts spread round-robin over `categories` (title 4–8 words, details ≈ 2 KB,
 * 3 of 200 tags, 3–8 action steps), positions in order within each category.
 */
export function generatePrompts(
  seed: number,
  categories: readonly Category[],
  count: number,
): Prompt[] {
  const random = seededRandom(seed);
  const perCategory = Math.ceil(count / categories.length);
  const positions = positionsAfter(null, perCategory);
  return Array.from({ length: count }, (_, index): Prompt => {
    const category = categories[index % categories.length]!;
    const tags = new Set<string>();
    while (tags.size < 3) tags.add(random.pick(TAGS));
    const updated = isoAt(1_000 + index * 1_000);
    return {
      id: random.uuid(),
      story_id: category.story_id,
      category_id: category.id,
      title: sentence(random, 4, 8),
      details: paragraphOfBytes(random, 2_000),
      action_steps: Array.from({ length: random.int(3, 8) }, () => ({
        id: random.uuid(),
        text: sentence(random, 3, 8),
        done: random.next() < 0.4,
      })),
      files: [],
      tags: [...tags],
      position: positions[Math.floor(index / categories.length)]!,
      created_at: updated,
      updated_at: updated,
      deleted: false,
    };
  });
}

export function generateChats(seed: number, storyId: string | null, count: number): Chat[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => ({
    id: random.uuid(),
    story_id: storyId,
    title: sentence(random, 2, 6),
    model: 'gpt-4o-mini',
    persona_id: null,
    created_at: isoAt(index),
    updated_at: isoAt(index),
    deleted: false,
  }));
}

const CODE_FENCE = '```ts\nconst scene = draft.scenes.at(-1);\nconsole.log(scene?.title);\n```';
const TABLE = '| beat | page |\n|---|---|\n| hook | 1 |\n| turn | 25 |';

/**
 * `count` chat messages spread over `chats`, 300–500 bytes each; about one in ten carries a
 * code fence and one in ten a markdown table (what an assistant answer looks like).
 */
export function generateMessages(
  seed: number,
  chats: readonly Chat[],
  count: number,
  firstIndex = 0,
): Message[] {
  const random = seededRandom(seed + firstIndex);
  return Array.from({ length: count }, (_, offset): Message => {
    const index = firstIndex + offset;
    const chat = chats[index % chats.length]!;
    const roll = random.next();
    const extra = roll < 0.1 ? `\n\n${CODE_FENCE}\n\n` : roll < 0.2 ? `\n\n${TABLE}\n\n` : ' ';
    const target = random.int(300, 500);
    const prose = paragraphOfBytes(random, Math.max(60, target - extra.length - 40));
    const content = `${prose.slice(0, target - extra.length - 20)}${extra}`.slice(0, target);
    const at = isoAt(index * 1_000);
    return {
      id: random.uuid(),
      chat_id: chat.id,
      role: index % 2 === 0 ? 'user' : 'assistant',
      content,
      model: 'gpt-4o-mini',
      persona_id: null,
      status: 'sent',
      usage: null,
      created_at: at,
      updated_at: at,
      deleted: false,
    };
  });
}
