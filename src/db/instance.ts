// The app's single database instance (Dexie's recommended pattern: one instance per context).
import { StoryPromptsDatabase } from './database';

export const db = new StoryPromptsDatabase();
