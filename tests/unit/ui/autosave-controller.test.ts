import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveController } from '../../../src/components/ui/autosave-controller';

describe('AutosaveController', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves only the latest value after the quiet period', async () => {
    const save = vi.fn(async () => {});
    const controller = new AutosaveController<string>('a', save, { delayMs: 400 });
    controller.update('ab');
    await vi.advanceTimersByTimeAsync(200);
    controller.update('abc');
    expect(controller.getSnapshot().status).toBe('saving');
    await vi.advanceTimersByTimeAsync(399);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('abc');
    expect(controller.getSnapshot().status).toBe('saved');
  });

  it('never saves the initial value and is idle until something changes', async () => {
    const save = vi.fn();
    const controller = new AutosaveController<string>('same', save);
    controller.update('same');
    await controller.flush();
    expect(save).not.toHaveBeenCalled();
    expect(controller.getSnapshot().status).toBe('idle');
  });

  it('flush saves at once and cancels the pending timer', async () => {
    const save = vi.fn();
    const controller = new AutosaveController<number>(1, save, { delayMs: 400 });
    controller.update(2);
    await controller.flush();
    expect(save).toHaveBeenCalledWith(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('keeps the value dirty after a failed save and retries on the next flush', async () => {
    const failure = new Error('disk full');
    const save = vi.fn().mockRejectedValueOnce(failure).mockResolvedValueOnce(undefined);
    const controller = new AutosaveController<string>('', save);
    controller.update('draft');
    await controller.flush();
    expect(controller.getSnapshot()).toMatchObject({
      status: 'error',
      error: failure,
      dirty: true,
    });
    await controller.flush();
    expect(save).toHaveBeenLastCalledWith('draft');
    expect(controller.getSnapshot()).toMatchObject({ status: 'saved', error: null, dirty: false });
  });

  it('clears a failure when the value returns to the saved one', async () => {
    const save = vi.fn().mockRejectedValue(new Error('too long'));
    const controller = new AutosaveController<string>('short', save);
    controller.update('far too long');
    await controller.flush();
    expect(controller.getSnapshot().status).toBe('error');
    controller.update('short');
    expect(controller.getSnapshot()).toMatchObject({ status: 'idle', error: null, dirty: false });
  });

  it('serialises saves so the last typed value is written last', async () => {
    const written: string[] = [];
    let release: () => void = () => {};
    const save = vi.fn(async (value: string) => {
      if (value === 'one') await new Promise<void>((resolve) => (release = resolve));
      written.push(value);
    });
    const controller = new AutosaveController<string>('', save);
    controller.update('one');
    const first = controller.flush();
    await vi.advanceTimersByTimeAsync(0); // the first save is now in flight
    controller.update('two');
    const second = controller.flush();
    release();
    await Promise.all([first, second]);
    expect(written).toEqual(['one', 'two']);
  });

  it('markSaved adopts an outside value without saving it', async () => {
    const save = vi.fn();
    const controller = new AutosaveController<string>('a', save);
    controller.markSaved('from another tab');
    await controller.flush();
    expect(save).not.toHaveBeenCalled();
    expect(controller.getSnapshot().dirty).toBe(false);
  });
});
