import type { Story } from '../domain/entities';
import type { StoryPromptsDatabase } from './database';
import { newRowBase } from './row-defaults';
import { insertRow, updateRow } from './write-rows';

export type StoryFields = Pick<Story, 'title' | 'logline' | 'synopsis' | 'genre' | 'notes'>;

export function createStory(
  db: StoryPromptsDatabase,
  fields: Partial<StoryFields> & Pick<StoryFields, 'title'>,
) {
  return insertRow(db, 'stories', {
    ...newRowBase(),
    logline: '',
    synopsis: '',
    genre: '',
    notes: '',
    ...fields,
  });
}

export function updateStory(db: StoryPromptsDatabase, id: string, patch: Partial<StoryFields>) {
  return updateRow(db, 'stories', id, patch);
}

export function deleteStory(db: StoryPromptsDatabase, id: string) {
  return updateRow(db, 'stories', id, { deleted: true });
}

export function restoreStory(db: StoryPromptsDatabase, id: string) {
  return updateRow(db, 'stories', id, { deleted: false });
}
