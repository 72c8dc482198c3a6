// The Diagnostics figures: per operation count, failures, average and p95 over a bounded ring
// of recent samples; a capped, newest-first error log; chat replies timed to their first words.
import { describe, expect, it } from 'vitest';
import { createCategory } from '../../../src/db/categories-repository';
import { readDeviceCounts } from '../../../src/db/device-counts';
import { createPrompt, deletePrompt } from '../../../src/db/prompts-repository';
import { createStory } from '../../../src/db/stories-repository';
import { AppMetrics, appMetrics, measured } from '../../../src/lib/app-metrics';
import type {
  ChatProvider,
  ChatStreamEvent,
} from '../../../src/platform/chat-providers/chat-provider';
import { measuredProvider } from '../../../src/platform/chat-providers/measured-provider';
import { freshDatabase } from '../db/test-database';

describe('app metrics', () => {
  it('summarises each operation: count, failures, average and p95', () => {
    const metrics = new AppMetrics();
    for (let ms = 1; ms <= 100; ms++) metrics.recordTiming('search', ms, ms !== 50);
    expect(metrics.snapshot().timings.search).toEqual({
      count: 100,
      errors: 1,
      avgMs: 50.5,
      p95Ms: 95,
    });
  });

  it('keeps the p95 over recent samples only, and the newest 50 errors', () => {
    const metrics = new AppMetrics();
    for (let i = 0; i < 500; i++) metrics.recordTiming('sync', 1000);
    for (let i = 0; i < 500; i++) metrics.recordTiming('sync', 10);
    expect(metrics.snapshot().timings.sync).toMatchObject({ count: 1000, p95Ms: 10 });
    for (let i = 0; i < 60; i++) metrics.recordError('sync', `failure ${i}`);
    const { errors } = metrics.snapshot();
    expect(errors).toHaveLength(50);
    expect(errors[0]!.message).toBe('failure 59');
  });

  it('gives the same snapshot until something is recorded, and tells subscribers', () => {
    const metrics = new AppMetrics();
    const first = metrics.snapshot();
    expect(metrics.snapshot()).toBe(first);
    let heard = 0;
    const stop = metrics.subscribe(() => (heard += 1));
    metrics.recordTiming('search', 3);
    expect(metrics.snapshot()).not.toBe(first);
    stop();
    metrics.recordTiming('search', 3);
    expect(heard).toBe(1);
  });

  it('measured() times a task and counts a rejection as a failure', async () => {
    const before = appMetrics.snapshot().timings['unit task']?.errors ?? 0;
    await expect(measured('unit task', () => Promise.reject(new Error('no')))).rejects.toThrow(
      'no',
    );
    await expect(measured('unit task', async () => 7)).resolves.toBe(7);
    expect(appMetrics.snapshot().timings['unit task']).toMatchObject({ errors: before + 1 });
  });
});

function providerStreaming(events: ChatStreamEvent[], failWith?: Error): ChatProvider {
  return {
    async *stream() {
      for (const event of events) yield event;
      if (failWith) throw failWith;
    },
  } as unknown as ChatProvider;
}

describe('chat replies in the metrics', () => {
  it('passes the stream through and times it to the first words; a failure is logged', async () => {
    const count = () => appMetrics.snapshot().timings['chat reply']?.count ?? 0;
    const before = count();
    const events: ChatStreamEvent[] = [
      { type: 'delta', content: 'Hel' },
      { type: 'delta', content: 'lo' },
    ];
    const seen: ChatStreamEvent[] = [];
    for await (const event of measuredProvider(providerStreaming(events)).stream(
      {} as never,
      new AbortController().signal,
    ))
      seen.push(event);
    expect(seen).toEqual(events);
    expect(count()).toBe(before + 1);

    const failing = measuredProvider(providerStreaming([], new Error('provider down')));
    await expect(async () => {
      for await (const _event of failing.stream({} as never, new AbortController().signal));
    }).rejects.toThrow('provider down');
    expect(appMetrics.snapshot().errors[0]).toMatchObject({
      source: 'chat',
      message: 'provider down',
    });
  });
});

describe('device counts', () => {
  it('counts live rows per table and what waits to sync', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'Salt Roads' });
    const category = await createCategory(db, story.id, { title: 'Scenes' });
    await createPrompt(db, category.id, { title: 'Kept' });
    const gone = await createPrompt(db, category.id, { title: 'Gone' });
    await deletePrompt(db, gone.id);
    // Four rows wait (story, category, two prompts): five entries, as one prompt was also deleted.
    expect(await readDeviceCounts(db)).toMatchObject({
      stories: 1,
      prompt_categories: 1,
      prompts: 1,
      messages: 0,
      pendingChanges: 4,
      outboxEntries: 5,
      refusedChanges: 0,
      openConflicts: 0,
    });
  });
});
