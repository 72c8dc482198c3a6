import { describe, expect, it } from 'vitest';
import { CreateQueue } from '../../../src/features/prompts/create-queue';

/** A create function whose writes finish only when the test says so. */
function controlledWrites() {
  const started: string[] = [];
  const finish = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
  const create = (text: string) =>
    new Promise<void>((resolve, reject) => {
      started.push(text);
      finish.set(text, { resolve, reject });
    });
  return { started, finish, create };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('CreateQueue', () => {
  it('writes a submission made while another is in flight, after it and in order', async () => {
    const writes = controlledWrites();
    const queue = new CreateQueue();
    const first = queue.submit('The storm arrives', writes.create);
    const second = queue.submit('A letter from the drowned', writes.create);
    await tick();
    expect(writes.started).toEqual(['The storm arrives']);
    writes.finish.get('The storm arrives')!.resolve();
    await first;
    await tick();
    expect(writes.started).toEqual(['The storm arrives', 'A letter from the drowned']);
    writes.finish.get('A letter from the drowned')!.resolve();
    await second;
    expect(queue.isPending('A letter from the drowned')).toBe(false);
  });

  it('adds a text once when it is submitted twice before it is written', async () => {
    const writes = controlledWrites();
    const queue = new CreateQueue();
    const first = queue.submit('Storm', writes.create);
    expect(queue.isPending('Storm')).toBe(true);
    expect(queue.submit('Storm', writes.create)).toBeNull();
    await tick();
    writes.finish.get('Storm')!.resolve();
    await first;
    expect(writes.started).toEqual(['Storm']);
    expect(queue.submit('Storm', writes.create)).not.toBeNull(); // written: the same title again is a new prompt
  });

  it('reports a failed write to its caller and still writes the next', async () => {
    const writes = controlledWrites();
    const queue = new CreateQueue();
    const failing = queue.submit('x'.repeat(500), writes.create);
    const next = queue.submit('Fine', writes.create);
    await tick();
    writes.finish.get('x'.repeat(500))!.reject(new Error('Title is too long'));
    await expect(failing).rejects.toThrow('Title is too long');
    await tick();
    expect(writes.started).toEqual(['x'.repeat(500), 'Fine']);
    writes.finish.get('Fine')!.resolve();
    await expect(next).resolves.toBeUndefined();
  });
});
