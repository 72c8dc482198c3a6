// Backup and restore (src/db/backup.ts, src/domain/backup-format.ts): a backup brings a
// library back into an empty browser exactly, as ordinary changes that sync; importing it
// again changes nothing; deleted rows come back; a damaged file is refused before anything is
// written, with the place that is wrong.
import { describe, expect, it } from 'vitest';
import {
  importBackup,
  ImportStoppedError,
  planImport,
  readBackupData,
} from '../../../src/db/backup';
import { createCategory, deleteCategory } from '../../../src/db/categories-repository';
import { createChat } from '../../../src/db/chats-repository';
import type { StoryPromptsDatabase } from '../../../src/db/database';
import { appendMessage } from '../../../src/db/messages-repository';
import { createPersona } from '../../../src/db/personas-repository';
import {
  addActionStep,
  createPrompt,
  deletePrompt,
  updatePrompt,
} from '../../../src/db/prompts-repository';
import { createStory, deleteStory } from '../../../src/db/stories-repository';
import {
  BACKUP_TABLES,
  BACKUP_VERSION,
  backupFile,
  parseBackup,
} from '../../../src/domain/backup-format';
import {
  changesIn,
  describeDeletedLeftOut,
} from '../../../src/features/import-export/backup-summary';
import { freshDatabase } from '../db/test-database';

async function library(db: StoryPromptsDatabase) {
  const story = await createStory(db, { title: 'Salt Roads', logline: 'A smuggler turns keeper.' });
  const category = await createCategory(db, story.id, { title: 'Scenes' });
  const prompt = await createPrompt(db, category.id, {
    title: 'Storm',
    details: 'The **mast** cracks.',
  });
  await addActionStep(db, prompt.id, 'Draft the storm');
  await updatePrompt(db, prompt.id, { tags: ['weather'] });
  const persona = await createPersona(db, { name: 'Editor', system_prompt: 'Be blunt.' });
  const chat = await createChat(db, { story_id: story.id, title: 'Talk' });
  await appendMessage(db, {
    chatId: chat.id,
    role: 'user',
    content: 'Hello',
    model: 'gpt-test',
    personaId: null,
    status: 'sent',
  });
  return { story, category, prompt, persona, chat };
}

/** A backup's text, as the export writes it. */
async function exported(db: StoryPromptsDatabase): Promise<string> {
  return JSON.stringify(backupFile(await readBackupData(db), new Date('2026-11-26T12:00:00Z')));
}

async function allRows(db: StoryPromptsDatabase) {
  return Object.fromEntries(
    await Promise.all(
      BACKUP_TABLES.map(async (t) => [t, await db.table(t).orderBy('id').toArray()]),
    ),
  );
}

describe('backup and restore', () => {
  it('brings the whole library back into an empty database, as changes that will sync', async () => {
    const source = freshDatabase();
    await library(source);
    const backup = parseBackup(await exported(source));
    const target = freshDatabase();

    expect(await planImport(target, backup.data)).toMatchObject({
      stories: { added: 1, restored: 0, kept: 0 },
      prompts: { added: 1 },
      messages: { added: 1 },
    });
    const progress: number[] = [];
    await importBackup(target, backup.data, ({ done }) => progress.push(done));

    expect(await allRows(target)).toEqual(await allRows(source));
    expect(progress.at(-1)).toBe(6);
    const outbox = await target.changes.toArray();
    expect(outbox.map((entry) => entry.table).sort()).toEqual(
      ['chats', 'messages', 'personas', 'prompt_categories', 'prompts', 'stories'].sort(),
    );
  });

  it('adds nothing when the same backup is imported again', async () => {
    const db = freshDatabase();
    await library(db);
    const backup = parseBackup(await exported(db));
    const before = await db.changes.count();
    const plan = await planImport(db, backup.data);
    expect(plan.prompts).toEqual({ added: 0, restored: 0, kept: 1 });
    await importBackup(db, backup.data);
    expect(await db.changes.count()).toBe(before);
  });

  it('restores what was deleted since the backup, with the values it had then', async () => {
    const db = freshDatabase();
    const { prompt } = await library(db);
    const text = await exported(db);
    await updatePrompt(db, prompt.id, { details: 'Rewritten, then deleted.' });
    await deletePrompt(db, prompt.id);

    const backup = parseBackup(text);
    expect((await planImport(db, backup.data)).prompts).toEqual({ added: 0, restored: 1, kept: 0 });
    await importBackup(db, backup.data);
    expect(await db.prompts.get(prompt.id)).toMatchObject({
      deleted: false,
      details: 'The **mast** cracks.',
    });
  });

  it('stops between chunks when the writer stops it, keeping what was written', async () => {
    const source = freshDatabase();
    await library(source);
    const backup = parseBackup(await exported(source));
    const target = freshDatabase();
    const stop = new AbortController();

    // Each table is at least one chunk: stop once the stories are in.
    const stopped = await importBackup(target, backup.data, () => stop.abort(), stop.signal).then(
      () => null,
      (error: unknown) => error,
    );
    expect(stopped).toBeInstanceOf(ImportStoppedError);
    const { plan, progress, message } = stopped as ImportStoppedError;
    expect(progress).toEqual({ done: 1, total: 6 });
    expect(plan.stories).toEqual({ added: 1, restored: 0, kept: 0 });
    expect(plan.prompts).toEqual({ added: 0, restored: 0, kept: 0 });
    expect(message).toBe(
      'Import stopped: 1 of 6 items were imported and are saved. Importing the same file again adds only the rest.',
    );
    expect(await target.stories.count()).toBe(1);
    expect(await target.prompt_categories.count()).toBe(0);

    // The same file again adds only the rest.
    const rest = await importBackup(target, backup.data);
    expect(rest.stories).toEqual({ added: 0, restored: 0, kept: 1 });
    expect(changesIn(rest)).toBe(5);
    expect(await allRows(target)).toEqual(await allRows(source));
  });

  it('finishes when the same rows arrive meanwhile (the same file restoring in another tab)', async () => {
    // Rows checked as missing, then added by someone else before the write, used to stop the
    // import with Dexie's raw "bulkAdd(): 1 of 1 operations failed ... ConstraintError".
    const source = freshDatabase();
    await library(source);
    const backup = parseBackup(await exported(source));
    const target = freshDatabase();

    const results = await Promise.allSettled([
      importBackup(target, backup.data),
      importBackup(target, backup.data),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(await allRows(target)).toEqual(await allRows(source));
  });

  it('leaves out deleted rows and everything under a deleted story or category', async () => {
    const db = freshDatabase();
    const { story } = await library(db);
    const other = await createStory(db, { title: 'Other' });
    const gone = await createCategory(db, other.id, { title: 'Gone' });
    await createPrompt(db, gone.id, { title: 'Under a deleted category' });
    await deleteCategory(db, gone.id);
    const deletedStory = await createStory(db, { title: 'Deleted' });
    await createChat(db, { story_id: deletedStory.id, title: 'Under a deleted story' });
    await deleteStory(db, deletedStory.id);

    const data = parseBackup(await exported(db)).data;
    expect(data.stories.map((row) => row.title).sort()).toEqual(['Other', 'Salt Roads']);
    expect(data.prompts.map((row) => row.title)).toEqual(['Storm']);
    expect(data.chats.map((row) => row.story_id)).toEqual([story.id]);
  });
});

describe('reading a backup file', () => {
  const valid = async () => JSON.parse(await exported((await withLibrary()).db));
  async function withLibrary() {
    const db = freshDatabase();
    return { db, ...(await library(db)) };
  }

  it('refuses what is not JSON, not a backup, or from a newer version, saying so', async () => {
    expect(() => parseBackup('{"format": "story-prompts-backup", ')).toThrow(/not valid JSON/);
    expect(() => parseBackup('{"stories": []}')).toThrow(
      'This file is not a Story Prompts backup.',
    );
    const newer = { ...(await valid()), version: BACKUP_VERSION + 1 };
    expect(() => parseBackup(JSON.stringify(newer))).toThrow(/newer version of Story Prompts/);
  });

  it('points to the right section when the file is a prompt pack or a diagnostics report', () => {
    // Both are JSON files a writer keeps next to their backups; "not a backup" alone read as
    // if the file were broken.
    const pack = JSON.stringify({
      categories: [{ title: 'Scenes', prompts: [{ title: 'Storm' }] }],
    });
    expect(() => parseBackup(pack)).toThrow(
      'This file is a prompt pack, not a backup: add it under “Import a prompt pack” below.',
    );
    expect(() => parseBackup('[{"title": "Storm"}]')).toThrow(
      'This file is a prompt pack, not a backup: add it under “Import a prompt pack” below.',
    );
    expect(() => parseBackup('{"format": "story-prompts-diagnostics", "version": 1}')).toThrow(
      'This file is a diagnostics report, not a backup: it holds numbers about the app and none of your writing.',
    );
  });

  it('names the first invalid row and field', async () => {
    const file = await valid();
    file.data.prompts[0].title = 'x'.repeat(201);
    expect(() => parseBackup(JSON.stringify(file))).toThrow(
      /prompt at prompts\[0\] \(title\) is not valid: Prompt title is too long/,
    );
  });

  it('refuses a file that holds the same row twice, before anything is written', async () => {
    // A hand-merged or edited file: the second copy used to abort the import halfway, after
    // the stories and categories were already written, with a raw database error.
    const file = await valid();
    file.data.prompts.push({ ...file.data.prompts[0], title: 'Storm, second copy' });
    expect(() => parseBackup(JSON.stringify(file))).toThrow(
      'The prompt at prompts[1] has the same id as prompts[0]: this file holds it twice. Nothing was imported.',
    );
  });

  it('leaves out rows a hand-edited file marks deleted, with everything under them, and counts them', async () => {
    // Imported as they were, they were added unseen yet counted as "new" in the preview.
    const file = await valid();
    expect(parseBackup(JSON.stringify(file)).deletedLeftOut).toBe(0);
    file.data.prompt_categories[0].deleted = true; // its prompt goes with it
    file.data.personas[0].deleted = true;
    const backup = parseBackup(JSON.stringify(file));
    expect(backup.deletedLeftOut).toBe(3);
    expect(backup.data.prompt_categories).toEqual([]);
    expect(backup.data.prompts).toEqual([]);
    expect(backup.data.personas).toEqual([]);
    expect(backup.data.stories).toHaveLength(1);

    const target = freshDatabase();
    const plan = await planImport(target, backup.data);
    expect(changesIn(plan)).toBe(3); // the story, the chat and its message
    await importBackup(target, backup.data);
    expect(await target.prompts.count()).toBe(0);
    expect(describeDeletedLeftOut(backup.deletedLeftOut)).toBe(
      '3 items in this file are marked deleted (or belong to something deleted) and are left out.',
    );
  });

  it('refuses a prompt whose category is not in the file', async () => {
    const file = await valid();
    file.data.prompt_categories = [];
    expect(() => parseBackup(JSON.stringify(file))).toThrow(
      /at prompts\[0\] belongs to something that is not in this backup/,
    );
  });
});
