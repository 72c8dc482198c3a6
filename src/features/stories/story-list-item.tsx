import { Link } from 'react-router';
import type { Story } from '../../domain/entities';
import { IconButton } from '../../components/ui/button';
import { moveFocusOffRow } from '../../components/ui/focus-off-row';
import { isRepeatClick } from '../../components/ui/repeat-click';
import { TrashIcon } from '../../components/ui/icons';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateFormat.format(date);
}

export function StoryListItem({ story, onDelete }: { story: Story; onDelete: () => void }) {
  return (
    <li className="story-card">
      <div className="story-card__body">
        <Link to={`/stories/${story.id}`} className="story-card__title">
          {story.title}
        </Link>
        {story.logline ? <p className="story-card__logline">{story.logline}</p> : null}
        <p className="story-card__meta">
          {story.genre ? <span>{story.genre}</span> : null}
          <span>Edited {formatDate(story.updated_at)}</span>
        </p>
      </div>
      <IconButton
        aria-label={`Delete ${story.title}`}
        data-row-action="delete-story"
        icon={<TrashIcon />}
        onClick={(event) => {
          if (isRepeatClick(event)) return;
          moveFocusOffRow(event.currentTarget, '.create-story input');
          onDelete();
        }}
        className="story-card__delete"
      />
    </li>
  );
}
