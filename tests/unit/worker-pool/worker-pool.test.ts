import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool, WorkerPoolError, withTransfer } from '../../../src/platform/worker-pool';
import { defaultPoolSize } from '../../../src/platform/worker-pool-size';
import { fakeWorker, gate } from './fake-worker';
import type { FakeWorker } from './fake-worker';

interface TestApi {
  whoAmI(): number;
  echo(value: string): string;
  wait(key: string): Promise<string>;
  hang(): Promise<never>;
  fail(message: string): never;
  size(buffer: ArrayBuffer): number;
}

/** A pool of fake workers; `gates` hold `wait(key)` calls open until the test opens them. */
function setup(size: number, options: { hangFirst?: boolean; timeoutMs?: number } = {}) {
  const workers: FakeWorker[] = [];
  const gates = new Map<string, ReturnType<typeof gate<string>>>();
  const started: string[] = [];
  const replaced: string[] = [];
  const gateFor = (key: string) => gates.get(key) ?? gates.set(key, gate<string>()).get(key)!;
  const create = () => {
    const id = workers.length + 1;
    const hangs = options.hangFirst === true && id === 1;
    const api: TestApi = {
      whoAmI: () => id,
      echo: (value) => `${value} from ${id}`,
      wait: (key) => {
        started.push(key);
        return gateFor(key).promise;
      },
      hang: () =>
        hangs ? new Promise<never>(() => {}) : (Promise.resolve(`done by ${id}`) as never),
      fail: (message) => {
        throw new Error(message);
      },
      size: (buffer) => buffer.byteLength,
    };
    const worker = fakeWorker(api);
    workers.push(worker);
    return worker;
  };
  const pool = new WorkerPool<{ test: TestApi }>({
    kinds: { test: { create } },
    size,
    defaultTimeoutMs: options.timeoutMs ?? 0,
    onWorkerReplaced: ({ reason }) => replaced.push(reason),
  });
  pools.push(pool);
  return { pool, workers, gateFor, started, replaced };
}

const pools: WorkerPool<{ test: TestApi }>[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.shutdown({ graceMs: 0 })));
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('pool size', () => {
  it('leaves a core to the UI, at least 1 and at most 4', () => {
    expect(defaultPoolSize(1)).toBe(1);
    expect(defaultPoolSize(2)).toBe(1);
    expect(defaultPoolSize(4)).toBe(3);
    expect(defaultPoolSize(16)).toBe(4);
    expect(defaultPoolSize(Number.NaN)).toBe(1);
  });
});

describe('WorkerPool', () => {
  it('starts workers lazily and runs one task per worker, queueing the rest in order', async () => {
    const { pool, workers, gateFor, started } = setup(2);
    expect(workers).toHaveLength(0);
    const results = ['a', 'b', 'c', 'd'].map((key) => pool.run('test', (api) => api.wait(key)));
    await tick();
    expect(started).toEqual(['a', 'b']);
    expect(pool.stats()[0]).toMatchObject({ running: 2, queued: 2, liveWorkers: 2 });
    gateFor('b').open('B');
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    for (const key of ['a', 'c', 'd']) gateFor(key).open(key.toUpperCase());
    await expect(Promise.all(results)).resolves.toEqual(['A', 'B', 'C', 'D']);
    expect(workers).toHaveLength(2);
  });

  it('always runs tasks with the same affinity key in the same worker', async () => {
    const { pool } = setup(4);
    const homes = new Map<string, Set<number>>();
    const keys = ['library', 'messages', 'x', 'y', 'z'];
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const key = keys[i % keys.length]!;
        return pool
          .run('test', (api) => api.whoAmI(), { affinity: key })
          .then((id) => {
            homes.set(key, (homes.get(key) ?? new Set()).add(id));
          });
      }),
    );
    for (const key of keys) expect(homes.get(key)!.size).toBe(1);
    // Homes spread over the slots: the first four keys get four different workers.
    expect(new Set(keys.slice(0, 4).map((key) => [...homes.get(key)!][0])).size).toBe(4);
    expect(pool.slotFor('test', 'library')).toBe(pool.slotFor('test', 'library'));
  });

  it('lets a pinned task wait for its home even when another worker is free', async () => {
    const { pool, gateFor, started } = setup(2);
    const first = pool.run('test', (api) => api.wait('pinned-1'), { affinity: 'shard' });
    const second = pool.run('test', (api) => api.wait('pinned-2'), { affinity: 'shard' });
    const free = pool.run('test', (api) => api.echo('free'));
    await expect(free).resolves.toMatch(/^free from/);
    expect(started).toEqual(['pinned-1']);
    gateFor('pinned-1').open('1');
    gateFor('pinned-2').open('2');
    await expect(Promise.all([first, second])).resolves.toEqual(['1', '2']);
  });

  it('replaces a crashed worker and fails its task with worker/crashed', async () => {
    const { pool, workers, replaced } = setup(1);
    const task = pool.run('test', (api) => api.wait('never'));
    await tick();
    workers[0]!.crash();
    const error = await task.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkerPoolError);
    expect((error as WorkerPoolError).code).toBe('worker/crashed');
    expect(workers[0]!.terminated).toBe(true);
    expect(replaced).toEqual(['crashed']);
    await expect(pool.run('test', (api) => api.whoAmI())).resolves.toBe(2);
  });

  it('retries an idempotent task in the replacement worker after a crash', async () => {
    const { pool, workers } = setup(1, { hangFirst: true });
    const task = pool.run('test', (api) => api.hang(), { retries: 1 });
    await tick();
    workers[0]!.crash();
    await expect(task).resolves.toBe('done by 2');
    expect(pool.stats()[0]!.replaced).toBe(1);
  });

  it('times out a hanging task, terminates its worker, and fails with worker/timeout', async () => {
    const { pool, workers } = setup(1, { hangFirst: true });
    const error = await pool
      .run('test', (api) => api.hang(), { timeoutMs: 30 })
      .catch((caught: unknown) => caught);
    expect((error as WorkerPoolError).code).toBe('worker/timeout');
    expect(workers[0]!.terminated).toBe(true);
    await expect(pool.run('test', (api) => api.hang())).resolves.toBe('done by 2');
  });

  it('retries a timed-out idempotent task once and returns the retried result', async () => {
    const { pool, workers } = setup(1, { hangFirst: true });
    await expect(
      pool.run('test', (api) => api.hang(), { timeoutMs: 30, retries: 1 }),
    ).resolves.toBe('done by 2');
    expect(workers).toHaveLength(2);
  });

  it('passes errors thrown by the task through without replacing the worker', async () => {
    const { pool, workers } = setup(1);
    await expect(pool.run('test', (api) => api.fail('bad input'))).rejects.toThrow('bad input');
    await expect(pool.run('test', (api) => api.whoAmI())).resolves.toBe(1);
    expect(workers).toHaveLength(1);
  });

  it('moves buffers marked for transfer instead of copying them', async () => {
    const { pool } = setup(1);
    const buffer = new ArrayBuffer(1 << 20);
    await expect(pool.run('test', (api) => api.size(withTransfer(buffer, [buffer])))).resolves.toBe(
      1 << 20,
    );
    expect(buffer.byteLength).toBe(0);
  });

  it('shuts down: queued tasks fail, running tasks may finish, workers end, new tasks are refused', async () => {
    const { pool, workers, gateFor } = setup(1);
    const running = pool.run('test', (api) => api.wait('running'));
    const queued = pool.run('test', (api) => api.echo('queued'));
    await tick();
    const shutdown = pool.shutdown({ graceMs: 1_000 });
    await expect(queued).rejects.toMatchObject({ code: 'worker/shutdown' });
    gateFor('running').open('finished');
    await expect(running).resolves.toBe('finished');
    await shutdown;
    expect(workers.every((worker) => worker.terminated)).toBe(true);
    await expect(pool.run('test', (api) => api.whoAmI())).rejects.toMatchObject({
      code: 'worker/shutdown',
    });
  });

  it('fails tasks still running after the grace period with worker/shutdown', async () => {
    const { pool } = setup(1);
    const running = pool.run('test', (api) => api.wait('forever'));
    await tick();
    await pool.shutdown({ graceMs: 10 });
    await expect(running).rejects.toMatchObject({ code: 'worker/shutdown' });
  });
});
