// A small colour chip. Decorative (hidden from assistive tech) unless it has a label.
export interface ColorSwatchProps {
  color: string;
  label?: string;
  size?: 'small' | 'medium' | 'large';
}

export function ColorSwatch({ color, label, size = 'medium' }: ColorSwatchProps) {
  return (
    <span
      className={`ui-swatch ui-swatch--${size}`}
      style={{ background: color }}
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    />
  );
}
