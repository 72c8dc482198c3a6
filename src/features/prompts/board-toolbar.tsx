// Filters over the board: by tag (every tag in the story) and by words in a prompt's title.
import { memo, useId } from 'react';
import { TextField } from '../../components/ui/text-field';
import type { BoardFilter } from './board-model';

export interface BoardToolbarProps {
  tags: string[];
  filter: BoardFilter;
  /** Called with the part of the filter that changed. */
  onChange: (change: Partial<BoardFilter>) => void;
}

/** Memoized: typing a title filter does not re-render a list of a few hundred tags. */
const TagSelect = memo(function TagSelect({
  tags,
  tag,
  onChange,
}: {
  tags: string[];
  tag: string | null;
  onChange: BoardToolbarProps['onChange'];
}) {
  const selectId = useId();
  return (
    <div className="ui-field">
      <label htmlFor={selectId} className="ui-field__label">
        Filter by tag
      </label>
      <select
        id={selectId}
        className="ui-input board-toolbar__select"
        value={tag ?? ''}
        onChange={(event) =>
          onChange({ tag: event.target.value === '' ? null : event.target.value })
        }
      >
        <option value="">All tags</option>
        {tags.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
        {/* The chosen tag left every prompt (another tab, a sync): the filter still says so,
            instead of showing "All tags" over an empty board. */}
        {tag !== null && !tags.includes(tag) ? (
          <option value={tag}>{tag} (no prompts left)</option>
        ) : null}
      </select>
    </div>
  );
});

export function BoardToolbar({ tags, filter, onChange }: BoardToolbarProps) {
  return (
    <div className="board-toolbar" role="search" aria-label="Filter prompts">
      <TagSelect tags={tags} tag={filter.tag} onChange={onChange} />
      <TextField
        label="Filter by title"
        type="search"
        value={filter.text}
        placeholder="Words in a prompt title"
        onChange={(event) => onChange({ text: event.target.value })}
      />
    </div>
  );
}
