// One prompt on the board (seed `PromptCard`): title linking to the editor, tags, action-step
// progress "done/total", attachment count, a preview link and explicit move buttons so the
// order can be changed without dragging.
import { memo } from 'react';
import type { CSSProperties, ReactNode, Ref } from 'react';
import { Link } from 'react-router';
import type { Prompt } from '../../domain/entities';
import { stepProgress } from './board-model';
import { MoveButton } from './move-button';

export interface PromptCardProps {
  prompt: Prompt;
  /** Drag handle (sortable lists only). */
  handle?: ReactNode;
  onMoveUp?: () => void;
  onMoveDown?: () => void;
  ref?: Ref<HTMLLIElement>;
  style?: CSSProperties;
  className?: string;
  /** For virtualized lists (row measuring). */
  dataIndex?: number;
}

function CardMeta({ prompt }: { prompt: Prompt }) {
  const { done, total } = stepProgress(prompt);
  const files = prompt.files.length;
  return (
    <p className="prompt-card__meta">
      <span
        aria-label={`Action steps: ${done} of ${total} done`}
        className={total > 0 && done === total ? 'prompt-card__done' : undefined}
      >
        <span aria-hidden="true">✓ </span>
        {done}/{total}
      </span>
      {files > 0 ? (
        <span aria-label={`${files} ${files === 1 ? 'attachment' : 'attachments'}`}>
          <span aria-hidden="true">📎 </span>
          {files}
        </span>
      ) : null}
    </p>
  );
}

function PromptCardView({
  prompt,
  handle,
  onMoveUp,
  onMoveDown,
  ref,
  style,
  className,
  dataIndex,
}: PromptCardProps) {
  const base = `/stories/${prompt.story_id}/prompts/${prompt.id}`;
  return (
    <li
      ref={ref}
      style={style}
      className={`prompt-card ${className ?? ''}`}
      data-index={dataIndex}
      data-prompt-id={prompt.id}
    >
      {handle}
      <div className="prompt-card__body">
        <Link to={base} className="prompt-card__title">
          {prompt.title}
        </Link>
        {prompt.tags.length > 0 ? (
          <ul className="tag-list" aria-label={`Tags of ${prompt.title}`}>
            {prompt.tags.map((tag) => (
              <li key={tag} className="tag">
                {tag}
              </li>
            ))}
          </ul>
        ) : null}
        <CardMeta prompt={prompt} />
      </div>
      <div className="prompt-card__actions">
        <Link
          to={`${base}/preview`}
          className="prompt-card__preview"
          aria-label={`Preview ${prompt.title}`}
        >
          Preview
        </Link>
        <MoveButton aria-label={`Move ${prompt.title} up`} onMove={onMoveUp}>
          ↑
        </MoveButton>
        <MoveButton aria-label={`Move ${prompt.title} down`} onMove={onMoveDown}>
          ↓
        </MoveButton>
      </div>
    </li>
  );
}

/** Memoized: a 10,000-prompt list re-renders only the cards whose row changed. */
export const PromptCard = memo(PromptCardView);
