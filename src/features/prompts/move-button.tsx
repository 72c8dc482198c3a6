// The "up" / "down" buttons of prompt cards, category sections and action steps. At an end of
// the list the button is aria-disabled, not disabled: a button that becomes disabled while it
// has focus drops keyboard focus to the start of the page, so a writer who moves an item to
// the top would lose their place (and a screen reader would say nothing useful).
import { Button } from '../../components/ui/button';
import type { ButtonProps } from '../../components/ui/button';

export interface MoveButtonProps extends Omit<ButtonProps, 'onClick' | 'disabled'> {
  /** Undefined at an end of the list: the button stays focusable but does nothing. */
  onMove?: () => void;
}

export function MoveButton({ onMove, ...props }: MoveButtonProps) {
  return (
    <Button
      size="small"
      variant="ghost"
      {...props}
      aria-disabled={onMove ? undefined : true}
      onClick={onMove}
    />
  );
}
