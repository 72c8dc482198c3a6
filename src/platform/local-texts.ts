// Small texts kept in this browser's localStorage: synchronous, so a screen has them in its
// first render, and they outlive a reload, a closed tab or a crash. Device-local, never synced.
// Private modes or a full quota may refuse to store: the caller then keeps the text in memory.

export interface LocalTexts {
  read(key: string): string | null;
  /** Stores `text` under `key`; an empty text removes the key. */
  write(key: string, text: string): void;
}

export const browserLocalTexts: LocalTexts = {
  read(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  write(key, text) {
    try {
      if (text === '') localStorage.removeItem(key);
      else localStorage.setItem(key, text);
    } catch {
      // Refused (private mode, quota): the text stays in memory for this session.
    }
  },
};
