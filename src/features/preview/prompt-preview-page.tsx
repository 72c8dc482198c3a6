// The prompt preview (seed `components/prompts/preview`, route
// /stories/:storyId/prompts/:promptId/preview): the details as sanitized markdown with the
// story's variables filled from the overview and a form for every other `{{name}}`; copy the
// filled prompt, or go back to the editor.
import { useLiveQuery, useObservable } from 'dexie-react-hooks';
import { useDeferredValue, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { db } from '../../db/instance';
import { livePromptInStory } from '../../db/live-with-own-edits';
import { getStory } from '../../db/queries';
import type { Prompt, Story } from '../../domain/entities';
import { CopyButton } from './copy-button';
import { MarkdownView } from './markdown-view';
import { usePreviewAnswers } from './preview-answers';
import { useSettledText } from './use-settled-text';
import { fillPrompt } from './preview-values';
import { VariableForm } from './variable-form';
import './preview.css';

function Preview({ prompt, story }: { prompt: Prompt; story: Story }) {
  const [answers, setAnswer] = usePreviewAnswers(prompt.id);
  const filled = useMemo(
    () => fillPrompt(prompt.details, story, answers),
    [prompt.details, story, answers],
  );
  // Rendered at low priority, and for a long prompt once typing pauses (use-settled-text.ts).
  const shown = useDeferredValue(useSettledText(filled.text));
  const editor = `/stories/${story.id}/prompts/${prompt.id}`;

  return (
    <section className="preview-page" aria-labelledby="preview-heading">
      <title>{`Preview of ${prompt.title} · Story Prompts`}</title>
      <div className="preview-page__top">
        <p className="preview-page__crumb">
          <Link to={`/stories/${story.id}`}>{story.title}</Link> ›{' '}
          <Link to={`/stories/${story.id}/prompts`}>Categories and prompts</Link>
        </p>
        <CopyButton text={filled.text} />
        <Link className="ui-button ui-button--secondary" to={editor}>
          Open in editor
        </Link>
        {/* Send to chat: the chat route takes the filled text as router state (see chat-window-page). */}
        <Link
          className="ui-button ui-button--secondary"
          to={`/chats/new?story=${encodeURIComponent(story.id)}`}
          state={{ draft: filled.text }}
        >
          Send to chat
        </Link>
      </div>
      <h1 id="preview-heading" className="preview-page__title">
        {prompt.title}
      </h1>
      <VariableForm variables={filled.variables} answers={answers} onChange={setAnswer} />
      <div className="preview-card">
        {prompt.details.trim() === '' ? (
          <p className="preview-hint">
            This prompt has no details yet. <Link to={editor}>Write some in the editor.</Link>
          </p>
        ) : (
          <MarkdownView markdown={shown} label="Filled prompt" />
        )}
      </div>
    </section>
  );
}

export function PromptPreviewPage() {
  const { storyId = '', promptId = '' } = useParams();
  // Found under its own story only (the story's values fill the preview's variables).
  const prompt = useObservable(() => livePromptInStory(db, promptId, storyId), [promptId, storyId]);
  const story = useLiveQuery(async () => (await getStory(db, storyId)) ?? null, [storyId]);
  if (prompt === null || story === null) {
    return (
      <section className="preview-page">
        <title>Prompt not found · Story Prompts</title>
        <h1>Prompt not found</h1>
        <p>
          It may have been deleted.{' '}
          <Link to={`/stories/${storyId}/prompts`}>Back to the prompts</Link>
        </p>
      </section>
    );
  }
  if (prompt === undefined || story === undefined)
    return <p className="page-loading">Loading preview…</p>;
  // Keyed by prompt: another prompt's preview starts from that prompt's own answers.
  return <Preview key={prompt.id} prompt={prompt} story={story} />;
}
