// Recolour a category: a radio group of the palette (arrow keys move between colours, the
// group's legend names the category).
import { useId } from 'react';
import { PALETTE } from './category-colors';
import { usePendingValue } from './use-pending-value';

export interface ColorPickerProps {
  categoryTitle: string;
  value: string;
  onChange: (color: string) => Promise<unknown>;
}

export function ColorPicker({ categoryTitle, value, onChange }: ColorPickerProps) {
  const name = useId();
  const selected = usePendingValue(value.toLowerCase(), onChange);
  return (
    <fieldset className="color-picker">
      <legend className="sr-only">{`Colour of ${categoryTitle}`}</legend>
      {PALETTE.map((color) => (
        <label key={color.value} className="color-picker__option" title={color.name}>
          <input
            type="radio"
            name={name}
            value={color.value}
            checked={selected.value === color.value}
            onChange={() => selected.set(color.value)}
            aria-label={color.name}
          />
          <span
            className="color-picker__chip"
            style={{ background: color.value }}
            aria-hidden="true"
          />
        </label>
      ))}
    </fieldset>
  );
}
