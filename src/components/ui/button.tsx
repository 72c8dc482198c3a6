// Buttons. `Button` shows its text; `IconButton` shows only an icon, so its accessible name
// is required by its type (an unnamed control is an axe "critical" violation).
import type { ButtonHTMLAttributes, ReactNode } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'normal' | 'small';
}

function buttonClass(variant: ButtonVariant, size: 'normal' | 'small', extra?: string): string {
  return [
    'ui-button',
    `ui-button--${variant}`,
    size === 'small' ? 'ui-button--small' : '',
    extra ?? '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function Button({
  variant = 'secondary',
  size = 'normal',
  className,
  type = 'button',
  ...rest
}: ButtonProps) {
  return <button type={type} className={buttonClass(variant, size, className)} {...rest} />;
}

export interface IconButtonProps extends Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'aria-label' | 'children'
> {
  /** The accessible name (also shown as the tooltip). */
  'aria-label': string;
  icon: ReactNode;
  variant?: ButtonVariant;
}

export function IconButton({
  icon,
  variant = 'ghost',
  className,
  type = 'button',
  title,
  ...rest
}: IconButtonProps) {
  return (
    <button
      type={type}
      className={buttonClass(variant, 'normal', `ui-icon-button ${className ?? ''}`)}
      title={title ?? rest['aria-label']}
      {...rest}
    >
      <span aria-hidden="true">{icon}</span>
    </button>
  );
}
