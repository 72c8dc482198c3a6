// The library shard: stories and prompts. A prompt's document carries its category's title (for
// `category:` and for matching) and disappears while its category or story is deleted, so a
// change to a category or story re-indexes that category's or story's prompts.
import type { StoryPromptsDatabase } from '../db/database';
import type { Prompt, Story } from '../domain/entities';
import type { SyncedTable } from '../domain/synced-tables';
import { promptDoc, storyDoc } from './search-documents';
import { promptHit, storyHit } from './search-hits';
import type { RawHit, SearchIndex } from './search-index';
import { applyRowKeys, indexRows, reconcileTable, refreshFacts } from './search-scan';
import type { ParentFacts } from './search-scan';
import type { ShardSource } from './search-source';
import type { SearchHit } from './search-types';

export function librarySource(db: StoryPromptsDatabase, index: () => SearchIndex): ShardSource {
  const categories = new Map<string, ParentFacts>();
  const stories = new Map<string, ParentFacts>();
  let parentsKnown = false;

  const promptDocFor = (prompt: Prompt) => {
    const category = categories.get(prompt.category_id);
    if (prompt.deleted || category?.deleted || stories.get(prompt.story_id)?.deleted) return null;
    return promptDoc(prompt, category?.title ?? null);
  };
  const storyDocFor = (story: Story) => (story.deleted ? null : storyDoc(story));

  async function reindexPrompts(field: 'category_id' | 'story_id', ids: readonly string[]) {
    if (!parentsKnown || ids.length === 0) return;
    const prompts = await db.prompts
      .where(field)
      .anyOf([...ids])
      .toArray();
    await indexRows(index(), prompts, promptDocFor);
  }

  async function refreshParents(table: 'stories' | 'prompt_categories', keys?: readonly string[]) {
    const rows = keys
      ? await db.syncedTable(table).bulkGet([...keys])
      : await db.syncedTable(table).toArray();
    const ids = keys ?? rows.map((row) => row!.id);
    const facts = table === 'stories' ? stories : categories;
    return refreshFacts(facts, rows, ids, (row) => ({ title: row.title, deleted: row.deleted }));
  }

  async function reconcile(table: SyncedTable) {
    if (table === 'prompt_categories') {
      await reindexPrompts('category_id', await refreshParents('prompt_categories'));
    } else if (table === 'stories') {
      const changed = await refreshParents('stories');
      await reconcileTable(db, index(), 'stories', 'story', storyDocFor, 'updated_at');
      await reindexPrompts('story_id', changed);
    } else if (table === 'prompts') {
      await reconcileTable(db, index(), 'prompts', 'prompt', promptDocFor, 'updated_at');
      parentsKnown = true;
    }
  }

  async function applyKeys(table: SyncedTable, keys: readonly string[]) {
    if (table === 'prompt_categories') {
      await reindexPrompts('category_id', await refreshParents('prompt_categories', keys));
    } else if (table === 'stories') {
      const changed = await refreshParents('stories', keys);
      await applyRowKeys(db, index(), 'stories', keys, storyDocFor);
      await reindexPrompts('story_id', changed);
    } else if (table === 'prompts') {
      await applyRowKeys(db, index(), 'prompts', keys, promptDocFor);
    }
  }

  async function toHits(raw: readonly RawHit[]): Promise<SearchHit[]> {
    const storyRows = await db.stories.bulkGet(
      raw.filter((hit) => hit.kind === 'story').map((hit) => hit.id),
    );
    const promptRows = await db.prompts.bulkGet(
      raw.filter((hit) => hit.kind === 'prompt').map((hit) => hit.id),
    );
    const byId = new Map<string, Story | Prompt>();
    for (const row of [...storyRows, ...promptRows]) if (row && !row.deleted) byId.set(row.id, row);
    const hits: SearchHit[] = [];
    for (const hit of raw) {
      const row = byId.get(hit.id);
      if (!row) continue; // deleted since it was indexed: the follow-up change removes it
      if (hit.kind === 'story') hits.push(storyHit(hit, row as Story));
      else
        hits.push(
          promptHit(hit, row as Prompt, categories.get((row as Prompt).category_id)?.title ?? null),
        );
    }
    return hits;
  }

  return { tables: ['prompt_categories', 'stories', 'prompts'], reconcile, applyKeys, toHits };
}
