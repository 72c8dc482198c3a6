// Chats: a conversation with a model and a persona, optionally about a story. The title is set
// from the first message the writer sends (until they edit it) and is editable.
import type { Chat } from '../domain/entities';
import { LIMITS } from '../domain/limits';
import type { StoryPromptsDatabase } from './database';
import { newRowBase } from './row-defaults';
import { insertRow, updateRow } from './write-rows';

export type ChatFields = Pick<Chat, 'story_id' | 'title' | 'model' | 'persona_id'>;

export function createChat(db: StoryPromptsDatabase, fields: Partial<ChatFields> = {}) {
  return insertRow(db, 'chats', {
    ...newRowBase(),
    story_id: null,
    title: '',
    model: '',
    persona_id: null,
    ...fields,
  });
}

export function renameChat(db: StoryPromptsDatabase, id: string, title: string) {
  return updateRow(db, 'chats', id, { title: title.trim() });
}

export function setChatModel(db: StoryPromptsDatabase, id: string, model: string) {
  return updateRow(db, 'chats', id, { model: model.trim() });
}

export function setChatPersona(db: StoryPromptsDatabase, id: string, personaId: string | null) {
  return updateRow(db, 'chats', id, { persona_id: personaId });
}

export function deleteChat(db: StoryPromptsDatabase, id: string) {
  return updateRow(db, 'chats', id, { deleted: true });
}

export function restoreChat(db: StoryPromptsDatabase, id: string) {
  return updateRow(db, 'chats', id, { deleted: false });
}

/** Gives an untitled chat a title from the first message (first line, at most 60 characters). */
export function titleFromFirstMessage(db: StoryPromptsDatabase, id: string, content: string) {
  return updateRow(db, 'chats', id, (current) =>
    current.title.trim() === '' ? { title: titleFromText(content) } : {},
  );
}

export function titleFromText(content: string): string {
  const firstLine =
    content
      .split('\n')
      .map((line) => line.replace(/^[#>*\-\s]+/, '').trim())
      .find((line) => line !== '') ?? '';
  const max = Math.min(60, LIMITS.title);
  if (firstLine.length <= max) return firstLine || 'Untitled chat';
  const cut = firstLine.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 30 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
