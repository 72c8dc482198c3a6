// Where the settings forms keep edits typed but not yet saved (platform/use-kept-text.ts): in
// db.settings, beside the saved values, not in localStorage. The chat provider's draft holds an
// API key, and the saved key lives only in IndexedDB; a draft must not sit anywhere less careful.
// The drafts are read once before the forms open, so the kept-text hook reads them synchronously.
import { useEffect, useState } from 'react';
import { db } from '../../db/instance';
import type { LocalTexts } from '../../platform/local-texts';

const DRAFT_PREFIX = 'unsaved-settings:';

export const CHAT_PROVIDER_DRAFT_KEY = `${DRAFT_PREFIX}chat-provider`;
export const SYNC_SERVER_DRAFT_KEY = `${DRAFT_PREFIX}sync-server`;

async function loadDraftTexts(): Promise<LocalTexts> {
  const entries = await db.settings.where('key').startsWith(DRAFT_PREFIX).toArray();
  const texts = new Map<string, string>();
  for (const entry of entries)
    if (typeof entry.value === 'string') texts.set(entry.key, entry.value);
  return {
    read: (key) => texts.get(key) ?? null,
    write(key, text) {
      if (text === '') texts.delete(key);
      else texts.set(key, text);
      // Refused (disk full): the draft stays in memory for this visit, as with localStorage.
      const stored = text === '' ? db.settings.delete(key) : db.settings.put({ key, value: text });
      void Promise.resolve(stored).catch(() => {});
    },
  };
}

/** The stored drafts of the settings forms, or undefined while they load. */
export function useSettingsDraftTexts(): LocalTexts | undefined {
  const [texts, setTexts] = useState<LocalTexts>();
  useEffect(() => {
    let live = true;
    // A failed read leaves nothing to offer back; the forms then keep drafts in memory only.
    const empty: LocalTexts = { read: () => null, write: () => {} };
    void loadDraftTexts()
      .catch(() => empty)
      .then((loaded) => {
        if (live) setTexts(loaded);
      });
    return () => {
      live = false;
    };
  }, []);
  return texts;
}
