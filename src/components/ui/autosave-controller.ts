// The model behind useAutosave, kept free of React so it can be tested with fake timers.
//
// Model: `latest` is what the writer typed, `saved` what the store last accepted. A change
// schedules one save of the latest value after `delayMs` of quiet; `flush()` saves at once
// (blur, unmount, page hide). Saves run one after another on a promise chain, each saving
// whatever is latest when it starts, so the last value typed is always the last one written.
// A failed save keeps `saved` unchanged: the text stays dirty and the next change or flush
// tries again.
export type AutosaveStatus = 'idle' | 'saving' | 'saved' | 'error';

export interface AutosaveState {
  status: AutosaveStatus;
  /** The last save failure (cleared by the next successful save). */
  error: unknown;
  /** The latest value differs from the last saved one. */
  dirty: boolean;
}

export interface AutosaveOptions<T> {
  delayMs?: number;
  isEqual?: (a: T, b: T) => boolean;
}

export type SaveFunction<T> = (value: T) => unknown;

export class AutosaveController<T> {
  private latest: T;
  private saved: T;
  private save: SaveFunction<T>;
  private readonly delayMs: number;
  private readonly isEqual: (a: T, b: T) => boolean;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<void> = Promise.resolve();
  private inFlight = false;
  private everSaved = false;
  private error: unknown = null;
  private state: AutosaveState = { status: 'idle', error: null, dirty: false };
  private readonly listeners = new Set<() => void>();

  constructor(initial: T, save: SaveFunction<T>, options: AutosaveOptions<T> = {}) {
    this.latest = initial;
    this.saved = initial;
    this.save = save;
    this.delayMs = options.delayMs ?? 400;
    this.isEqual = options.isEqual ?? Object.is;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): AutosaveState => this.state;

  setSave(save: SaveFunction<T>): void {
    this.save = save;
  }

  /** The writer changed the value: save it after a quiet period. */
  update(value: T): void {
    this.latest = value;
    this.clearTimer();
    if (!this.isDirty()) {
      // Back to what the store holds: nothing is unsaved, so an earlier failure no longer applies.
      this.error = null;
      this.emit();
      return;
    }
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
    this.emit();
  }

  /** Saves the latest value now if it is unsaved; resolves when every queued save is done. */
  readonly flush = (): Promise<void> => {
    this.clearTimer();
    this.chain = this.chain.then(() => this.saveIfDirty());
    return this.chain;
  };

  /** The store changed from elsewhere (another tab, a sync): take `value` as saved. */
  readonly markSaved = (value: T): void => {
    this.saved = value;
    this.latest = value;
    this.clearTimer();
    this.error = null;
    this.emit();
  };

  private async saveIfDirty(): Promise<void> {
    if (!this.isDirty()) return;
    const value = this.latest;
    this.inFlight = true;
    this.emit();
    try {
      await this.save(value);
      this.saved = value;
      this.everSaved = true;
      this.error = null;
    } catch (error) {
      this.error = error;
    } finally {
      this.inFlight = false;
      this.emit();
    }
  }

  private isDirty(): boolean {
    return !this.isEqual(this.latest, this.saved);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private computeStatus(dirty: boolean): AutosaveStatus {
    if (this.inFlight) return 'saving';
    if (this.error !== null) return 'error';
    if (dirty) return 'saving';
    return this.everSaved ? 'saved' : 'idle';
  }

  private emit(): void {
    const dirty = this.isDirty();
    const status = this.computeStatus(dirty);
    const previous = this.state;
    if (previous.status === status && previous.error === this.error && previous.dirty === dirty)
      return;
    this.state = { status, error: this.error, dirty };
    for (const listener of this.listeners) listener();
  }
}
