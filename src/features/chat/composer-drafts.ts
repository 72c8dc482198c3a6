// Drafts in the composer, per chat (`new:<story id>` for a chat not created yet). Held in memory
// for the screens and copied to this device's local texts as the writer types, so leaving the
// chat, reloading, closing the tab or a crash loses nothing. A sent draft is set to '' (removed).
import { browserLocalTexts } from '../../platform/local-texts';
import type { LocalTexts } from '../../platform/local-texts';

const KEY_PREFIX = 'sp.chatDraft:';

type Listener = () => void;

export class DraftStore {
  private readonly drafts = new Map<string, string>();
  private readonly listeners = new Set<Listener>();
  private readonly stored: LocalTexts | null;

  constructor(stored: LocalTexts | null = null) {
    this.stored = stored;
  }

  get(key: string): string {
    let text = this.drafts.get(key);
    if (text === undefined) {
      text = this.stored?.read(KEY_PREFIX + key) ?? '';
      this.drafts.set(key, text);
    }
    return text;
  }

  set(key: string, text: string): void {
    this.drafts.set(key, text);
    this.stored?.write(KEY_PREFIX + key, text);
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const draftStore = new DraftStore(typeof window === 'undefined' ? null : browserLocalTexts);
