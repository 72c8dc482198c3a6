// The list of stories on this device: create one by title, open it, delete it with undo.
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { db } from '../../db/instance';
import { listStories } from '../../db/queries';
import { deleteStory, restoreStory } from '../../db/stories-repository';
import type { Story } from '../../domain/entities';
import { describeError } from '../../components/ui/describe-error';
import { useToast } from '../../components/ui/toast';
import { CreateStoryForm } from './create-story-form';
import { StoryListItem } from './story-list-item';

export function StoriesPage() {
  const stories = useLiveQuery(() => listStories(db), []);
  const toast = useToast();

  const remove = async (story: Story) => {
    try {
      await deleteStory(db, story.id);
      toast.undoable(`Deleted “${story.title}”.`, () =>
        restoreStory(db, story.id).then(() => undefined),
      );
    } catch (error) {
      toast.error(`Could not delete “${story.title}”: ${describeError(error)}`);
    }
  };

  return (
    <section className="stories-page stack" aria-labelledby="stories-heading">
      <title>Your stories · Story Prompts</title>
      <div>
        <h1 id="stories-heading">Your stories</h1>
        <p className="muted">Everything is saved on this device as you write, online or not.</p>
      </div>
      <CreateStoryForm />
      {stories === undefined ? (
        <p className="page-loading">Loading your stories…</p>
      ) : stories.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">No stories yet</p>
          <p className="muted">
            Give your first story a title above to start collecting prompts for it.
          </p>
        </div>
      ) : (
        <ul className="story-list" aria-label="Stories">
          {stories.map((story) => (
            <StoryListItem key={story.id} story={story} onDelete={() => void remove(story)} />
          ))}
        </ul>
      )}
      <p className="muted">
        <Link to="/backup">Backup and restore</Link>: download everything as one file, or bring a
        backup back. <Link to="/diagnostics">Diagnostics</Link>: what is on this device and how the
        app is doing.
      </p>
    </section>
  );
}
