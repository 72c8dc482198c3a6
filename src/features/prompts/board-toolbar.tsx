// Filters over the board: by tag (every tag in the story) and by words in a prompt's title.
import { useId } from 'react';
import { TextField } from '../../components/ui/text-field';
import type { BoardFilter } from './board-model';

export interface BoardToolbarProps {
  tags: string[];
  filter: BoardFilter;
  onChange: (filter: BoardFilter) => void;
}

export function BoardToolbar({ tags, filter, onChange }: BoardToolbarProps) {
  const selectId = useId();
  return (
    <div className="board-toolbar" role="search" aria-label="Filter prompts">
      <div className="ui-field">
        <label htmlFor={selectId} className="ui-field__label">
          Filter by tag
        </label>
        <select
          id={selectId}
          className="ui-input board-toolbar__select"
          value={filter.tag ?? ''}
          onChange={(event) => onChange({ ...filter, tag: event.target.value === '' ? null : event.target.value })}
        >
          <option value="">All tags</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label="Filter by title"
        type="search"
        value={filter.text}
        placeholder="Words in a prompt title"
        onChange={(event) => onChange({ ...filter, text: event.target.value })}
      />
    </div>
  );
}
