// "Import a prompt pack": choose a story and a file, see which categories and how many prompts
// it adds, then import with progress and open the board.
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../components/ui/button';
import { describeError, isStorageFull } from '../../components/ui/describe-error';
import { Notice } from '../../components/ui/notice';
import { ProgressBar } from '../../components/ui/progress-bar';
import { db } from '../../db/instance';
import { importPack, planPackImport } from '../../db/prompt-pack-import';
import type { PackPlan } from '../../db/prompt-pack-import';
import { listStories } from '../../db/queries';
import type { PromptPack } from '../../domain/prompt-pack';
import { FileChooser } from './file-chooser';
import { useFocusBack } from './use-focus-back';
import { PACK_FILE_TYPES, readPromptPack } from './read-prompt-pack';

type State =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'ready'; name: string; storyId: string; pack: PromptPack; plan: PackPlan }
  | { kind: 'importing'; done: number; total: number }
  | { kind: 'done'; storyId: string; plan: PackPlan }
  | { kind: 'failed'; text: string };

function describePackPlan(plan: PackPlan): string {
  const prompts = `${plan.prompts.toLocaleString('en')} ${plan.prompts === 1 ? 'prompt' : 'prompts'}`;
  const into = [
    plan.newCategories.length > 0
      ? `${plan.newCategories.length === 1 ? 'a new category' : 'new categories'} ${plan.newCategories.map((t) => `“${t}”`).join(', ')}`
      : null,
    plan.existingCategories.length > 0
      ? `the existing ${plan.existingCategories.map((t) => `“${t}”`).join(', ')}`
      : null,
  ].filter((part) => part !== null);
  return `${prompts} into ${into.join(' and ')}`;
}

const KINDS_WITH_BUTTONS = ['ready', 'importing'] as const;

export function PromptPackSection() {
  const stories = useLiveQuery(() => listStories(db), []);
  const [chosen, setChosen] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const storySelectId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  useFocusBack(state.kind, KINDS_WITH_BUTTONS, fileInput);
  const storyId = chosen || stories?.[0]?.id || '';

  const choose = async (file: File) => {
    setState({ kind: 'reading' });
    try {
      const pack = await readPromptPack(file);
      setState({
        kind: 'ready',
        name: file.name,
        storyId,
        pack,
        plan: await planPackImport(db, storyId, pack),
      });
    } catch (error) {
      setState({ kind: 'failed', text: describeError(error) });
    }
  };

  const start = async (ready: Extract<State, { kind: 'ready' }>) => {
    setState({ kind: 'importing', done: 0, total: ready.plan.prompts });
    let added = 0;
    try {
      const plan = await importPack(db, ready.storyId, ready.pack, (done, total) => {
        added = done;
        setState({ kind: 'importing', done, total });
      });
      setState({ kind: 'done', storyId: ready.storyId, plan });
    } catch (error) {
      // A pack's prompts have no ids: adding the same file again would add these twice.
      const text = isStorageFull(error)
        ? `This device is out of storage, so the import stopped after ${added.toLocaleString('en')} of ${ready.plan.prompts.toLocaleString('en')} prompts. Those are on the board; free some space before adding more.`
        : `The import stopped: ${describeError(error)} The prompts added before that are on the board.`;
      setState({ kind: 'failed', text });
    }
  };

  if (stories === undefined) return <p className="page-loading">Loading your stories…</p>;
  if (stories.length === 0)
    return <p className="muted">Create a story first: a pack adds prompts to a story.</p>;
  const busy = state.kind === 'reading' || state.kind === 'importing';
  return (
    <div className="stack-tight">
      <p className="muted">
        Adds categories of prompts from a JSON, CSV (columns category, title, details, tags,
        action_steps) or Markdown file (“## Category”, then “### Prompt”). Categories the story
        already has receive the prompts.
      </p>
      <div className="row">
        <label htmlFor={storySelectId}>Into story</label>
        <select
          id={storySelectId}
          value={storyId}
          disabled={busy}
          onChange={(event) => {
            setChosen(event.target.value);
            setState({ kind: 'idle' });
          }}
        >
          {stories.map((story) => (
            <option key={story.id} value={story.id}>
              {story.title}
            </option>
          ))}
        </select>
      </div>
      <FileChooser
        label="Prompt pack file"
        accept={PACK_FILE_TYPES}
        disabled={busy}
        onChoose={(file) => void choose(file)}
        inputRef={fileInput}
      />
      {state.kind === 'reading' ? <p role="status">Reading the file…</p> : null}
      {state.kind === 'failed' ? <Notice tone="error">{state.text}</Notice> : null}
      {state.kind === 'ready' ? (
        <section className="card stack-tight" aria-label="What this pack adds">
          <p>
            <strong>{state.name}</strong> adds {describePackPlan(state.plan)}.
          </p>
          <div className="row">
            <Button onClick={() => void start(state)}>
              Add {state.plan.prompts.toLocaleString('en')}{' '}
              {state.plan.prompts === 1 ? 'prompt' : 'prompts'}
            </Button>
            <Button variant="ghost" onClick={() => setState({ kind: 'idle' })}>
              Cancel
            </Button>
          </div>
        </section>
      ) : null}
      {state.kind === 'importing' ? (
        <div className="stack-tight">
          <p role="status">Adding prompts…</p>
          <ProgressBar label="Prompt pack import progress" value={state.done} max={state.total} />
        </div>
      ) : null}
      {state.kind === 'done' ? (
        <Notice tone="success" title="Prompt pack added">
          Added {describePackPlan(state.plan)}.{' '}
          <Link to={`/stories/${encodeURIComponent(state.storyId)}/prompts`}>Open the board</Link>
        </Notice>
      ) : null}
    </div>
  );
}
