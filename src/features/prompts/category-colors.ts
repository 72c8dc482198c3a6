// Names for the category palette (db's CATEGORY_COLORS): a colour is announced by name, and
// each is dark enough to carry white text and to stand out as a 4px band on the paper tone.
import { CATEGORY_COLORS } from '../../db/categories-repository';

const NAMES: Record<string, string> = {
  '#5b3e96': 'Plum',
  '#2f6f9f': 'Blue',
  '#2e7d5b': 'Green',
  '#b26a00': 'Amber',
  '#b3364a': 'Red',
  '#6b6b6b': 'Grey',
};

export interface NamedColor {
  value: string;
  name: string;
}

export const PALETTE: readonly NamedColor[] = CATEGORY_COLORS.map((value) => ({
  value,
  name: NAMES[value] ?? value,
}));

export function colorName(value: string): string {
  return NAMES[value.toLowerCase()] ?? value;
}
