// The prompt's tags: add (Enter or "Add tag"; tags are normalized to lower-case-with-dashes by
// the repository) and remove.
import { useToast } from '../../components/ui/toast';
import { describeError } from '../../components/ui/describe-error';
import { moveFocusOffRow } from '../../components/ui/focus-off-row';
import { addTag, removeTag } from '../../db/prompts-repository';
import { db } from '../../db/instance';
import type { Prompt } from '../../domain/entities';
import { CreateForm } from './create-form';

export function TagEditor({ prompt }: { prompt: Prompt }) {
  const toast = useToast();
  const remove = (tag: string) => {
    removeTag(db, prompt.id, tag).catch((error: unknown) =>
      toast.error(`The tag was not removed: ${describeError(error)}`),
    );
  };
  return (
    <section className="editor-card tag-editor" aria-labelledby="tags-heading">
      <h2 id="tags-heading">Tags</h2>
      {prompt.tags.length === 0 ? (
        <p className="step-progress">No tags yet.</p>
      ) : (
        <ul className="tag-list tag-editor__list" aria-label="Tags">
          {prompt.tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
              <button
                type="button"
                className="tag__remove"
                aria-label={`Remove tag ${tag}`}
                data-row-action="remove-tag"
                title={`Remove tag ${tag}`}
                onClick={(event) => {
                  moveFocusOffRow(event.currentTarget);
                  remove(tag);
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <CreateForm
        label="New tag"
        buttonLabel="Add tag"
        field="tags"
        onCreate={(tag) => addTag(db, prompt.id, tag)}
      />
    </section>
  );
}
