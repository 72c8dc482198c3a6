// The prompt editor (route /stories/:storyId/prompts/:promptId): title and markdown details
// autosaved as the writer types, category, action steps, tags, delete with undo, and a link to
// the preview. Nothing needs a Save button.
import { useLiveQuery, useObservable } from 'dexie-react-hooks';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '../../components/ui/button';
import { isStorageFull, describeError } from '../../components/ui/describe-error';
import { Notice } from '../../components/ui/notice';
import { isRepeatClick } from '../../components/ui/repeat-click';
import { useToast } from '../../components/ui/toast';
import { deletePrompt, restorePrompt } from '../../db/prompts-repository';
import { db } from '../../db/instance';
import { livePromptInStory } from '../../db/live-with-own-edits';
import { getStory, listCategories, listCategoryPrompts } from '../../db/queries';
import type { Category, Prompt } from '../../domain/entities';
import { sortByPosition } from '../../domain/ordering';
import { ActionStepList } from './action-step-list';
import { MoveToCategory } from './move-to-category';
import { PromptDetailsField, PromptTitleField, usePromptTextFields } from './prompt-text-fields';
import { TagEditor } from './tag-editor';
import type { FocusAfterDelete } from './use-focus-after-delete';
import './prompts.css';

function saveStatusText(statuses: string[]): string {
  if (statuses.includes('error')) return 'Not saved';
  if (statuses.includes('saving')) return 'Saving…';
  if (statuses.includes('saved')) return 'All changes saved';
  return '';
}

/** Where focus goes on the board once `prompt` is deleted (use-focus-after-delete.ts). */
async function neighbourOf(prompt: Prompt): Promise<FocusAfterDelete> {
  const siblings = await listCategoryPrompts(db, prompt.category_id);
  const index = siblings.findIndex((sibling) => sibling.id === prompt.id);
  const neighbour = siblings[index + 1] ?? (index > 0 ? siblings[index - 1] : undefined);
  return { promptId: neighbour?.id ?? null, categoryId: prompt.category_id };
}

function EditorForm({
  prompt,
  categories,
  storyTitle,
}: {
  prompt: Prompt;
  categories: Category[];
  storyTitle: string;
}) {
  const navigate = useNavigate();
  const toast = useToast();
  const { title, details } = usePromptTextFields(prompt);
  const board = `/stories/${prompt.story_id}/prompts`;
  const storageError = [title.autosave, details.autosave].find(
    (save) => save.status === 'error' && isStorageFull(save.error),
  );

  const remove = async () => {
    await Promise.all([title.autosave.flush(), details.autosave.flush()]);
    let focusAfterDelete: FocusAfterDelete;
    try {
      focusAfterDelete = await neighbourOf(prompt);
      await deletePrompt(db, prompt.id);
    } catch (error) {
      toast.error(`The prompt was not deleted: ${describeError(error)}`);
      return;
    }
    toast.undoable(
      `Prompt “${prompt.title}” deleted`,
      async () => void (await restorePrompt(db, prompt.id)),
    );
    void navigate(board, { state: { focusAfterDelete } });
  };

  return (
    <section className="editor-page" aria-labelledby="editor-heading">
      <title>{`Edit ${prompt.title} · Story Prompts`}</title>
      <div className="editor-page__top">
        <p className="editor-page__crumb">
          <Link to={`/stories/${prompt.story_id}`}>{storyTitle}</Link> ›{' '}
          <Link to={board}>Categories and prompts</Link>
        </p>
        <span className="editor-page__status" role="status">
          {saveStatusText([title.autosave.status, details.autosave.status])}
        </span>
        <Link className="ui-button ui-button--primary" to={`${board}/${prompt.id}/preview`}>
          Preview
        </Link>
      </div>
      <h1 id="editor-heading" className="sr-only">
        Edit prompt
      </h1>
      {storageError ? (
        <Notice tone="error" title="Not saved: this device is out of storage">
          {describeError(storageError.error)}
        </Notice>
      ) : null}
      <div className="editor-columns">
        <div className="editor-card">
          <div className="editor-title">
            <PromptTitleField text={title} />
          </div>
          <div className="editor-details">
            <PromptDetailsField text={details} />
          </div>
        </div>
        <div className="editor-page">
          <section className="editor-card" aria-label="Category">
            <MoveToCategory prompt={prompt} categories={categories} />
          </section>
          <ActionStepList prompt={prompt} />
          <TagEditor prompt={prompt} />
          <section className="editor-card editor-danger" aria-label="Delete prompt">
            <span>Deleting can be undone for a few seconds.</span>
            <Button
              variant="danger"
              onClick={(event) => {
                if (!isRepeatClick(event)) void remove();
              }}
            >
              Delete prompt
            </Button>
          </section>
        </div>
      </div>
    </section>
  );
}

export function PromptEditorPage() {
  const { storyId = '', promptId = '' } = useParams();
  // Found under its own story only: under another story's address the editor would offer that
  // story's categories, and Move would carry the prompt into another story.
  const prompt = useObservable(() => livePromptInStory(db, promptId, storyId), [promptId, storyId]);
  const categories = useLiveQuery(() => listCategories(db, storyId), [storyId]);
  const story = useLiveQuery(async () => (await getStory(db, storyId)) ?? null, [storyId]);

  if (prompt === null) {
    return (
      <section className="editor-page">
        <title>Prompt not found · Story Prompts</title>
        <h1>Prompt not found</h1>
        <p>
          It may have been deleted.{' '}
          <Link to={`/stories/${storyId}/prompts`}>Back to the prompts</Link>
        </p>
      </section>
    );
  }
  if (prompt === undefined || categories === undefined || story === undefined)
    return <p className="page-loading">Loading prompt…</p>;
  return (
    <EditorForm
      key={prompt.id}
      prompt={prompt}
      categories={sortByPosition(categories)}
      storyTitle={story?.title ?? 'Story'}
    />
  );
}
