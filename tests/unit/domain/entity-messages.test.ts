// The limits' messages read as sentences a writer would write.
import { describe, expect, it } from 'vitest';
import { promptSchema, storySchema } from '../../../src/domain/entities';
import { LIMITS } from '../../../src/domain/limits';

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

describe('limit messages', () => {
  it('say "are" for plural names and "is" for singular ones', () => {
    const prompt = {
      id: crypto.randomUUID(),
      created_at: '',
      updated_at: '',
      deleted: false,
      story_id: crypto.randomUUID(),
      category_id: crypto.randomUUID(),
      title: 'Storm',
      details: 'x'.repeat(LIMITS.details + 1),
      action_steps: [],
      files: [],
      tags: [],
      position: 'a0',
    };
    expect(firstMessage(promptSchema.safeParse(prompt))).toBe(
      `Prompt details are too long: at most ${LIMITS.details.toLocaleString('en')} characters.`,
    );
    const story = {
      ...prompt,
      title: 'x'.repeat(LIMITS.title + 1),
      logline: '',
      synopsis: '',
      genre: '',
      notes: '',
    };
    expect(firstMessage(storySchema.safeParse(story))).toBe(
      'Story title is too long: at most 200 characters.',
    );
  });
});
