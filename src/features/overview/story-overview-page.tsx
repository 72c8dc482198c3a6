// The Story Overview: the story's own fields (edited inline, saved as you type) beside what its
// prompts add up to: per-category progress, recent prompts, tags in use, and the sync state.
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useParams } from 'react-router';
import { db } from '../../db/instance';
import { getStory } from '../../db/queries';
import { StoryFieldsForm } from './story-fields-form';
import { StorySummaryPanels } from './story-summary-panels';

export function StoryOverviewPage() {
  const { storyId = '' } = useParams();
  // undefined while loading, null when there is no such story.
  const story = useLiveQuery(async () => (await getStory(db, storyId)) ?? null, [storyId]);

  if (story === undefined) return <p className="page-loading">Loading the story…</p>;
  if (story === null) {
    return (
      <section className="stack">
        <title>Story not found · Story Prompts</title>
        <h1>Story not found</h1>
        <p className="muted">
          It may have been deleted. Your other stories are safe on this device.
        </p>
        <p>
          <Link to="/">Go to your stories</Link>
        </p>
      </section>
    );
  }

  return (
    <div className="overview">
      <title>{`${story.title} · Story Prompts`}</title>
      <StoryFieldsForm key={story.id} story={story} />
      <StorySummaryPanels storyId={story.id} />
    </div>
  );
}
