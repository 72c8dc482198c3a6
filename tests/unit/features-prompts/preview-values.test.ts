import { describe, expect, it } from 'vitest';
import { fillPrompt, setAnswer } from '../../../src/features/preview/preview-values';

const story = {
  title: 'The Salt Road',
  logline: 'A smuggler walks home.',
  genre: 'Fantasy',
  synopsis: '',
};

describe('fillPrompt', () => {
  it('fills story variables from the overview and asks for every other variable once', () => {
    const filled = fillPrompt(
      '{{story.title}} ({{story.genre}}): {{hero}} meets {{ villain }} and {{hero}}.',
      story,
      {},
    );
    expect(filled.variables).toEqual(['hero', 'villain']);
    expect(filled.text).toBe('The Salt Road (Fantasy): {{hero}} meets {{ villain }} and {{hero}}.');
  });

  it('fills answers as they are typed and keeps empty story fields visible', () => {
    const answers = setAnswer(setAnswer({}, 'hero', 'Ada'), 'villain', '');
    const filled = fillPrompt('{{hero}} vs {{villain}} — {{story.synopsis}}', story, answers);
    expect(filled.text).toBe('Ada vs {{villain}} — {{story.synopsis}}');
  });

  it('never lets a form answer replace a story value', () => {
    const filled = fillPrompt('{{story.title}}', story, { 'story.title': 'Hijacked' });
    expect(filled.text).toBe('The Salt Road');
    expect(filled.variables).toEqual([]);
  });

  it('keeps answers for variables that stay when the details change', () => {
    const answers = { hero: 'Ada', gone: 'x' };
    expect(fillPrompt('Hello {{hero}}', story, answers).text).toBe('Hello Ada');
  });
});
