// Recolour a category: a radio group of the palette (arrow keys move between colours, the
// group's legend names the category).
import { useId } from 'react';
import { PALETTE } from './category-colors';

export interface ColorPickerProps {
  categoryTitle: string;
  value: string;
  onChange: (color: string) => void;
}

export function ColorPicker({ categoryTitle, value, onChange }: ColorPickerProps) {
  const name = useId();
  return (
    <fieldset className="color-picker">
      <legend className="sr-only">{`Colour of ${categoryTitle}`}</legend>
      {PALETTE.map((color) => (
        <label key={color.value} className="color-picker__option" title={color.name}>
          <input
            type="radio"
            name={name}
            value={color.value}
            checked={value.toLowerCase() === color.value}
            onChange={() => onChange(color.value)}
            aria-label={color.name}
          />
          <span className="color-picker__chip" style={{ background: color.value }} aria-hidden="true" />
        </label>
      ))}
    </fieldset>
  );
}
