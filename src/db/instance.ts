// The app's single database instance (Dexie's recommended pattern: one instance per context).
import { StoryPromptsDatabase } from './database';

export const db = new StoryPromptsDatabase();
// Open now rather than at the first query: the page that imported this module is still
// loading and rendering, and opening IndexedDB overlaps with that (B6). A failure is not lost:
// Dexie opens again at the first query, which then rejects with the error to show.
void db.open().catch(() => undefined);
