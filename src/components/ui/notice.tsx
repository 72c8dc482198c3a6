// An inline banner: information, a warning or an error, optionally dismissable. Errors are
// announced at once (role alert); the rest politely (role status).
import type { ReactNode } from 'react';
import { IconButton } from './button';
import { CloseIcon } from './icons';

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

export interface NoticeProps {
  tone?: NoticeTone;
  title?: string;
  children: ReactNode;
  onDismiss?: () => void;
  dismissLabel?: string;
  actions?: ReactNode;
  role?: 'alert' | 'status' | 'alertdialog';
  className?: string;
}

export function Notice({
  tone = 'info',
  title,
  children,
  onDismiss,
  dismissLabel = 'Dismiss',
  actions,
  role,
  className,
}: NoticeProps) {
  return (
    <div
      className={`ui-notice ui-notice--${tone} ${className ?? ''}`}
      role={role ?? (tone === 'error' ? 'alert' : 'status')}
    >
      <div className="ui-notice__body">
        {title ? <strong className="ui-notice__title">{title}</strong> : null}
        <div className="ui-notice__text">{children}</div>
      </div>
      {actions ? <div className="ui-notice__actions">{actions}</div> : null}
      {onDismiss ? (
        <IconButton
          aria-label={dismissLabel}
          icon={<CloseIcon />}
          onClick={onDismiss}
          className="ui-notice__dismiss"
        />
      ) : null}
    </div>
  );
}
