// "Download a story as Markdown": the overview and every category's prompts, in board order.
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { Button } from '../../components/ui/button';
import { describeError } from '../../components/ui/describe-error';
import { Notice } from '../../components/ui/notice';
import { db } from '../../db/instance';
import { getStory, listCategories, listCategoryPrompts, listStories } from '../../db/queries';
import { fileNameFor, storyMarkdown } from '../../domain/story-markdown';
import { downloadFile } from '../../platform/download-file';

async function markdownOf(storyId: string): Promise<{ title: string; text: string }> {
  const story = await getStory(db, storyId);
  if (!story || story.deleted) throw new Error('That story is no longer on this device.');
  const categories = await Promise.all(
    (await listCategories(db, storyId)).map(async (category) => ({
      category,
      prompts: await listCategoryPrompts(db, category.id),
    })),
  );
  return { title: story.title, text: storyMarkdown({ story, categories }) };
}

export function StoryMarkdownSection() {
  const stories = useLiveQuery(() => listStories(db), []);
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const selectId = useId();
  const storyId = chosen || stories?.[0]?.id || '';

  const download = async () => {
    setMessage(null);
    try {
      const { title, text } = await markdownOf(storyId);
      downloadFile(fileNameFor(title, 'md'), text, 'text/markdown');
      setMessage({ tone: 'success', text: `“${title}” downloaded as Markdown.` });
    } catch (error) {
      setMessage({ tone: 'error', text: `Could not export the story: ${describeError(error)}` });
    }
  };

  if (stories === undefined) return <p className="page-loading">Loading your stories…</p>;
  if (stories.length === 0)
    return <p className="muted">There are no stories on this device yet.</p>;
  return (
    <div className="stack-tight">
      <p className="muted">
        A readable document of one story: its overview, then every category and prompt.
      </p>
      <div className="row">
        <label htmlFor={selectId}>Story</label>
        <select id={selectId} value={storyId} onChange={(event) => setChosen(event.target.value)}>
          {stories.map((story) => (
            <option key={story.id} value={story.id}>
              {story.title}
            </option>
          ))}
        </select>
        <Button onClick={() => void download()}>Download as Markdown</Button>
      </div>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
    </div>
  );
}
