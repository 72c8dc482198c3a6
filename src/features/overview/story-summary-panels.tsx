// What the story's prompts add up to, read live from the database: per-category progress,
// recently edited prompts, tags in use, and the sync state (rendered by the shell into a slot).
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { db } from '../../db/instance';
import { listCategories, listStoryPrompts, recentStoryPrompts } from '../../db/queries';
import { categoryProgress, tagsInUse } from '../../domain/story-summary';
import type { CategoryProgress } from '../../domain/story-summary';
import { ColorSwatch } from '../../components/ui/color-swatch';
import { ProgressBar } from '../../components/ui/progress-bar';
import { AppSlot } from '../../components/ui/app-slots';

const RECENT_LIMIT = 5;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function CategoryRow({ entry }: { entry: CategoryProgress }) {
  const { category, promptCount, stepsDone, stepsTotal } = entry;
  return (
    <li className="progress-row">
      <div className="progress-row__head">
        <ColorSwatch color={category.color} />
        <span className="progress-row__title">{category.title}</span>
        <span className="progress-row__count">{plural(promptCount, 'prompt', 'prompts')}</span>
      </div>
      <ProgressBar
        value={stepsDone}
        max={stepsTotal}
        color={category.color}
        label={`Action steps done in ${category.title}`}
        valueText={
          stepsTotal === 0
            ? 'No action steps yet'
            : `${stepsDone} of ${stepsTotal} action steps done`
        }
      />
      <span className="progress-row__steps">
        {stepsTotal === 0
          ? 'No action steps yet'
          : `${stepsDone} / ${stepsTotal} action steps done`}
      </span>
    </li>
  );
}

function useStorySummary(storyId: string) {
  return useLiveQuery(async () => {
    const [categories, prompts, recent] = await Promise.all([
      listCategories(db, storyId),
      listStoryPrompts(db, storyId),
      recentStoryPrompts(db, storyId, RECENT_LIMIT),
    ]);
    return { progress: categoryProgress(categories, prompts), tags: tagsInUse(prompts), recent };
  }, [storyId]);
}

export function StorySummaryPanels({ storyId }: { storyId: string }) {
  const summary = useStorySummary(storyId);
  const promptsPath = `/stories/${storyId}/prompts`;

  return (
    <aside className="overview-summary" aria-label="Story summary">
      <section className="card stack-tight" aria-labelledby="categories-heading">
        <div className="panel-head">
          <h2 id="categories-heading">Categories</h2>
          <Link to={promptsPath} className="ui-button ui-button--primary ui-button--small">
            Open prompts
          </Link>
        </div>
        {!summary ? (
          <p className="muted">Loading…</p>
        ) : summary.progress.length === 0 ? (
          <p className="muted">No categories yet. Open prompts to add the first one.</p>
        ) : (
          <ul className="progress-list">
            {summary.progress.map((entry) => (
              <CategoryRow key={entry.category.id} entry={entry} />
            ))}
          </ul>
        )}
      </section>

      <section className="card stack-tight" aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recent prompts</h2>
        {!summary ? null : summary.recent.length === 0 ? (
          <p className="muted">Prompts you edit will show up here.</p>
        ) : (
          <ul className="link-list">
            {summary.recent.map((prompt) => (
              <li key={prompt.id}>
                <Link to={`${promptsPath}/${prompt.id}`}>{prompt.title}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card stack-tight" aria-labelledby="tags-heading">
        <h2 id="tags-heading">Tags</h2>
        {!summary ? null : summary.tags.length === 0 ? (
          <p className="muted">No tags yet.</p>
        ) : (
          <ul className="tag-list">
            {summary.tags.map(({ tag, count }) => (
              <li key={tag} className="tag">
                {tag}
                <span className="tag__count">
                  <span className="sr-only">, used by </span>
                  {count}
                  <span className="sr-only"> {count === 1 ? 'prompt' : 'prompts'}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <AppSlot
        name="syncSummary"
        fallback={
          <p className="sync-line">
            <span className="sync-line__dot" aria-hidden="true" />
            <span>Saved on this device</span>
          </p>
        }
      />
    </aside>
  );
}
