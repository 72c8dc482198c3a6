// The leader tab compacts the outbox once the app is idle and again whenever it has grown.
import { describe, expect, it } from 'vitest';
import {
  CHECK_INTERVAL_MS,
  COMPACT_AFTER_NEW_ENTRIES,
  startOutboxCompactor,
} from '../../../src/app/sync/outbox-compactor';
import type { CompactorTimers } from '../../../src/app/sync/outbox-compactor';
import { createStory, updateStory } from '../../../src/db/stories-repository';
import { freshDatabase } from '../db/test-database';

function manualTimers() {
  const idle: (() => void)[] = [];
  const intervals: { run: () => void; ms: number }[] = [];
  const timers: CompactorTimers = {
    setInterval: (run, ms) => intervals.push({ run, ms }),
    clearInterval: () => intervals.splice(0),
    whenIdle: (run) => {
      idle.push(run);
      return () => idle.splice(idle.indexOf(run), 1);
    },
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
  return {
    timers,
    async goIdle() {
      for (const run of idle.splice(0)) run();
      await settle();
    },
    async tick() {
      for (const { run } of intervals) run();
      await settle();
    },
    intervals,
  };
}

async function storyEditedTimes(db: ReturnType<typeof freshDatabase>, times: number) {
  const story = await createStory(db, { title: 'Salt Roads' });
  for (let save = 0; save < times; save++) await updateStory(db, story.id, { notes: `n${save}` });
  return story;
}

describe('outbox compactor', () => {
  it('compacts once the app is idle after start', async () => {
    const db = freshDatabase();
    await storyEditedTimes(db, 30);
    const clock = manualTimers();
    const stop = startOutboxCompactor(db, clock.timers);
    expect(await db.changes.count()).toBe(31);
    await clock.goIdle();
    expect(await db.changes.count()).toBe(1);
    expect(clock.intervals[0]!.ms).toBe(CHECK_INTERVAL_MS);
    stop();
  });

  it('compacts again only after the outbox has grown enough, and never once stopped', async () => {
    const db = freshDatabase();
    const story = await storyEditedTimes(db, 0);
    const clock = manualTimers();
    const stop = startOutboxCompactor(db, clock.timers);
    await clock.goIdle();
    for (let save = 0; save < 10; save++) await updateStory(db, story.id, { notes: `a${save}` });
    await clock.tick();
    await clock.goIdle();
    expect(await db.changes.count()).toBe(1 + 10);
    for (let save = 0; save < COMPACT_AFTER_NEW_ENTRIES; save++)
      await updateStory(db, story.id, { notes: `b${save}` });
    await clock.tick();
    await clock.goIdle();
    expect(await db.changes.count()).toBe(1);

    stop();
    for (let save = 0; save < COMPACT_AFTER_NEW_ENTRIES; save++)
      await updateStory(db, story.id, { notes: `c${save}` });
    await clock.tick();
    await clock.goIdle();
    expect(await db.changes.count()).toBe(1 + COMPACT_AFTER_NEW_ENTRIES);
  });
});
