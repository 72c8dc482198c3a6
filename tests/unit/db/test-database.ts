import { StoryPromptsDatabase } from '../../../src/db/database';

/** A fresh, empty database per test (fake-indexeddb keeps them in memory). */
export function freshDatabase(): StoryPromptsDatabase {
  return new StoryPromptsDatabase(`test-${crypto.randomUUID()}`);
}
