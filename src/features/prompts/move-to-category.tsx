// Moves the prompt to the end of another category of the same story.
import { useId } from 'react';
import { useToast } from '../../components/ui/toast';
import { describeError } from '../../components/ui/describe-error';
import { movePrompt } from '../../db/prompts-repository';
import { db } from '../../db/instance';
import type { Category, Prompt } from '../../domain/entities';

export function MoveToCategory({ prompt, categories }: { prompt: Prompt; categories: Category[] }) {
  const id = useId();
  const toast = useToast();
  const onChange = async (categoryId: string) => {
    const target = categories.find((category) => category.id === categoryId);
    try {
      // positionForMove clamps the index, so "past the end" means the last place.
      await movePrompt(db, prompt.id, categoryId, Number.MAX_SAFE_INTEGER);
      toast.show(`Moved to ${target?.title ?? 'the category'}`);
    } catch (error) {
      toast.error(`The prompt was not moved: ${describeError(error)}`);
    }
  };
  return (
    <div className="ui-field">
      <label htmlFor={id} className="ui-field__label">
        Move to category
      </label>
      <select id={id} className="ui-input" value={prompt.category_id} onChange={(event) => void onChange(event.target.value)}>
        {categories.map((category) => (
          <option key={category.id} value={category.id}>
            {category.title}
          </option>
        ))}
      </select>
    </div>
  );
}
