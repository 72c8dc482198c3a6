// A section's header: drag handle, title (inline rename), description, colour, counts, move
// buttons and delete. Every control's name includes the category title.
import { Button } from '../../components/ui/button';
import { moveFocusOffRow } from '../../components/ui/focus-off-row';
import { isRepeatClick } from '../../components/ui/repeat-click';
import { InlineEditableText } from '../../components/ui/inline-editable-text';
import type { Category } from '../../domain/entities';
import { ColorPicker } from './color-picker';
import { MoveButton } from './move-button';

export interface CategoryHeaderProps {
  category: Category;
  promptCount: number;
  stepsDone: number;
  stepsTotal: number;
  handle: React.ReactNode;
  onRename: (title: string) => Promise<void>;
  onDescribe: (description: string) => Promise<void>;
  onRecolor: (color: string) => Promise<unknown>;
  onMoveUp?: () => void;
  onMoveDown?: () => void;
  onDelete: () => void;
}

export function CategoryHeader(props: CategoryHeaderProps) {
  const { category, promptCount, stepsDone, stepsTotal, handle } = props;
  return (
    <header className="board-section__header">
      <div className="board-section__title-row">
        {handle}
        <h2 className="board-section__title">
          <InlineEditableText
            value={category.title}
            label="Category title"
            variant="heading"
            onCommit={props.onRename}
          />
        </h2>
        <p className="board-section__counts">
          {promptCount} {promptCount === 1 ? 'prompt' : 'prompts'} · {stepsDone}/{stepsTotal} steps
          done
        </p>
      </div>
      <InlineEditableText
        value={category.description}
        label={`Description of ${category.title}`}
        placeholder="Add a description"
        multiline
        className="board-section__description"
        onCommit={props.onDescribe}
      />
      <div className="board-section__tools">
        <ColorPicker
          categoryTitle={category.title}
          value={category.color}
          onChange={props.onRecolor}
        />
        <span className="board-section__spacer" />
        <MoveButton aria-label={`Move category ${category.title} up`} onMove={props.onMoveUp}>
          ↑ Up
        </MoveButton>
        <MoveButton aria-label={`Move category ${category.title} down`} onMove={props.onMoveDown}>
          ↓ Down
        </MoveButton>
        <Button
          size="small"
          variant="danger"
          aria-label={`Delete category ${category.title}`}
          data-row-action="delete-category"
          onClick={(event) => {
            if (isRepeatClick(event)) return;
            moveFocusOffRow(event.currentTarget, '.board-page__new-category input');
            props.onDelete();
          }}
        >
          Delete
        </Button>
      </div>
    </header>
  );
}
