// Moves the prompt to the end of another category of the same story: pick the category, then
// "Move". Not on the select's change: in Chrome a closed select changes (and fires change) on
// every arrow key, so browsing the list by keyboard moved the prompt through each category and,
// back in its own, left it at the end instead of where it was.
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '../../components/ui/button';
import { useToast } from '../../components/ui/toast';
import { describeError } from '../../components/ui/describe-error';
import { movePrompt } from '../../db/prompts-repository';
import { db } from '../../db/instance';
import type { Category, Prompt } from '../../domain/entities';

export function MoveToCategory({ prompt, categories }: { prompt: Prompt; categories: Category[] }) {
  const id = useId();
  const toast = useToast();
  const [choice, setChoice] = useState(prompt.category_id);
  // The prompt moved elsewhere (here, another tab, a sync): the picker starts from there again.
  const [shownFor, setShownFor] = useState(prompt.category_id);
  if (shownFor !== prompt.category_id) {
    setShownFor(prompt.category_id);
    setChoice(prompt.category_id);
  }
  const move = async (event: FormEvent) => {
    event.preventDefault();
    if (choice === prompt.category_id) return;
    const target = categories.find((category) => category.id === choice);
    try {
      // positionForMove clamps the index, so "past the end" means the last place.
      await movePrompt(db, prompt.id, choice, Number.MAX_SAFE_INTEGER);
      toast.show(`Moved to ${target?.title ?? 'the category'}`);
    } catch (error) {
      toast.error(`The prompt was not moved: ${describeError(error)}`);
    }
  };
  return (
    <form className="move-to-category" onSubmit={(event) => void move(event)}>
      <div className="ui-field">
        <label htmlFor={id} className="ui-field__label">
          Move to category
        </label>
        <select
          id={id}
          className="ui-input"
          value={choice}
          onChange={(event) => setChoice(event.target.value)}
        >
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.title}
            </option>
          ))}
        </select>
      </div>
      <Button
        type="submit"
        variant="secondary"
        aria-disabled={choice === prompt.category_id ? true : undefined}
      >
        Move
      </Button>
    </form>
  );
}
