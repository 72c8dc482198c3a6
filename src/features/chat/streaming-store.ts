// What is streaming right now, per chat, held in memory (deltas never go to IndexedDB one by
// one). Subscribers are told at most once per animation frame, however many chunks arrive in
// it: 2,000 tiny chunks cost a handful of renders, not 2,000 (B19). The last provider error
// of each chat lives here too, so the window can show its specific message.

export interface ChatLiveState {
  /** The user message being answered, while a reply streams. */
  answering: string | null;
  content: string;
  error: string | null;
}

const IDLE: ChatLiveState = { answering: null, content: '', error: null };

type Listener = () => void;

const schedule: (callback: () => void) => void =
  typeof requestAnimationFrame === 'function'
    ? (callback) => requestAnimationFrame(callback)
    : (callback) => setTimeout(callback, 16);

export class StreamingStore {
  private readonly states = new Map<string, ChatLiveState>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly dirty = new Set<string>();
  private frameQueued = false;

  get(chatId: string): ChatLiveState {
    return this.states.get(chatId) ?? IDLE;
  }

  subscribe(chatId: string, listener: Listener): () => void {
    let set = this.listeners.get(chatId);
    if (!set) this.listeners.set(chatId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  start(chatId: string, answering: string): void {
    this.set(chatId, { answering, content: '', error: null }, true);
  }

  /** A new chunk: stored at once, painted with the next frame. */
  update(chatId: string, content: string): void {
    const current = this.get(chatId);
    this.set(chatId, { ...current, content }, false);
  }

  finish(chatId: string, error: string | null = null): void {
    this.set(chatId, { answering: null, content: '', error }, true);
  }

  clearError(chatId: string): void {
    if (this.get(chatId).error) this.set(chatId, { ...this.get(chatId), error: null }, true);
  }

  private set(chatId: string, state: ChatLiveState, now: boolean): void {
    this.states.set(chatId, state);
    if (now) {
      this.dirty.delete(chatId);
      this.emit(chatId);
      return;
    }
    this.dirty.add(chatId);
    if (this.frameQueued) return;
    this.frameQueued = true;
    schedule(() => {
      this.frameQueued = false;
      const ids = [...this.dirty];
      this.dirty.clear();
      for (const id of ids) this.emit(id);
    });
  }

  private emit(chatId: string): void {
    for (const listener of this.listeners.get(chatId) ?? []) listener();
  }
}

export const streamingStore = new StreamingStore();
