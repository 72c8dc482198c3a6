import { describe, expect, it } from 'vitest';
import { StoryPromptsDatabase } from '../../../src/db/database';
import { createStory, updateStory } from '../../../src/db/stories-repository';

describe('smoke', () => {
  it('writes a row and its change entry', async () => {
    const db = new StoryPromptsDatabase('smoke-' + Math.random());
    const story = await createStory(db, { title: 'The Long Night' });
    await updateStory(db, story.id, { synopsis: 'It was dark.' });
    const changes = await db.changes.toArray();
    expect(changes).toHaveLength(2);
    expect(changes[1]!.fields.synopsis!.base).toBe('');
  });
});
