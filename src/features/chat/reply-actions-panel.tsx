// "Save as prompt" (choose story + category; the reply becomes the prompt's details) and "Add as
// action steps" (choose a prompt; each list item of the reply becomes a step). The panel opens
// under the reply's buttons, which for the last reply is below the bottom of the log: it
// scrolls itself into view, or the click would seem to do nothing.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/text-field';
import { useToast } from '../../components/ui/toast';
import { db } from '../../db/instance';
import { addActionSteps, createPrompt } from '../../db/prompts-repository';
import { listCategories, listStories, listStoryPrompts } from '../../db/queries';
import { describeError } from '../../lib/app-error';
import { extractListItems, promptFromReply } from './reply-extraction';

export type ReplyAction = 'prompt' | 'steps';

export interface ReplyActionsPanelProps {
  action: ReplyAction;
  content: string;
  defaultStoryId: string | null;
  onClose: () => void;
}

function useStoryChoice(defaultStoryId: string | null) {
  const stories = useLiveQuery(() => listStories(db), []) ?? [];
  const [chosen, setChosen] = useState<string | null>(defaultStoryId);
  const storyId =
    chosen && stories.some((story) => story.id === chosen) ? chosen : (stories[0]?.id ?? '');
  return { stories, storyId, setStoryId: setChosen };
}

export function ReplyActionsPanel({
  action,
  content,
  defaultStoryId,
  onClose,
}: ReplyActionsPanelProps) {
  const id = useId();
  const toast = useToast();
  const navigate = useNavigate();
  const { stories, storyId, setStoryId } = useStoryChoice(defaultStoryId);
  const categories =
    useLiveQuery(() => (storyId ? listCategories(db, storyId) : []), [storyId]) ?? [];
  const prompts =
    useLiveQuery(() => (storyId ? listStoryPrompts(db, storyId) : []), [storyId]) ?? [];
  const draft = useMemo(() => promptFromReply(content), [content]);
  const steps = useMemo(() => extractListItems(content), [content]);
  const [title, setTitle] = useState(draft.title);
  const [targetId, setTargetId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const options =
    action === 'prompt'
      ? categories.map((c) => ({ id: c.id, label: c.title }))
      : prompts.map((p) => ({ id: p.id, label: p.title }));
  const target = options.some((option) => option.id === targetId)
    ? targetId
    : (options[0]?.id ?? '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      if (action === 'prompt') {
        const prompt = await createPrompt(db, target, { title, details: draft.details });
        const category = categories.find((c) => c.id === target)?.title ?? 'the category';
        toast.show(`Saved as a prompt in ${category}`, {
          actionLabel: 'Open',
          onAction: () => void navigate(`/stories/${prompt.story_id}/prompts/${prompt.id}`),
        });
      } else {
        await addActionSteps(db, target, steps);
        toast.show(`${steps.length} action step${steps.length === 1 ? '' : 's'} added`);
      }
      onClose();
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const label = action === 'prompt' ? 'Save as prompt' : 'Add as action steps';
  const nothing = action === 'steps' && steps.length === 0;
  return (
    <form
      ref={form}
      className="reply-panel stack-tight"
      aria-label={label}
      onSubmit={(event) => void submit(event)}
    >
      {stories.length === 0 ? <p>Create a story first: prompts belong to a story.</p> : null}
      <div className="row">
        <label htmlFor={`${id}-story`}>Story</label>
        <select
          id={`${id}-story`}
          className="ui-input"
          value={storyId}
          onChange={(event) => setStoryId(event.target.value)}
        >
          {stories.map((story) => (
            <option key={story.id} value={story.id}>
              {story.title}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-target`}>{action === 'prompt' ? 'Category' : 'Prompt'}</label>
        <select
          id={`${id}-target`}
          className="ui-input"
          value={target}
          onChange={(event) => setTargetId(event.target.value)}
        >
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {action === 'prompt' ? (
        <TextField
          label="Prompt title"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
      ) : null}
      {action === 'steps' ? (
        <p className="muted">
          {nothing
            ? 'This reply has no list items to turn into steps.'
            : `${steps.length} list item${steps.length === 1 ? '' : 's'} will become steps.`}
        </p>
      ) : null}
      {storyId && options.length === 0 ? (
        <p className="muted">
          {action === 'prompt'
            ? 'This story has no categories yet.'
            : 'This story has no prompts yet.'}
        </p>
      ) : null}
      {error ? (
        <p className="ui-field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row">
        <Button type="submit" variant="primary" disabled={!target || nothing}>
          {action === 'prompt' ? 'Save prompt' : 'Add steps'}
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </form>
  );
}
