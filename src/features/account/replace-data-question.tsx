// The question asked before another account's data replaces this device's: never merged
// silently. Replacing clears this device (the old account's data stays on the server for
// whatever it already synced); cancelling signs the new account out again.
import { useId } from 'react';
import { Button } from '../../components/ui/button';
import type { PendingReplace } from './account-service';

export interface ReplaceDataQuestionProps {
  pending: PendingReplace;
  pendingChanges: number | null;
  busy: boolean;
  onReplace: () => void;
  onCancel: () => void;
}

export function ReplaceDataQuestion({
  pending,
  pendingChanges,
  busy,
  onReplace,
  onCancel,
}: ReplaceDataQuestionProps) {
  const titleId = useId();
  const textId = useId();
  return (
    <div
      className="card stack account-replace"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
    >
      <h2 id={titleId}>Replace this device’s data?</h2>
      <div id={textId} className="stack-tight">
        <p>
          This device holds the data of <strong>{pending.ownerEmail}</strong>. Replace it with{' '}
          <strong>{pending.newEmail}</strong>’s data?
        </p>
        <p className="muted">
          Replacing removes everything stored on this device, then downloads {pending.newEmail}’s
          data.
          {pendingChanges
            ? ` ${pendingChanges} change(s) of ${pending.ownerEmail} have not been uploaded yet and will be lost.`
            : ''}{' '}
          Cancel keeps this device as it is and signs {pending.newEmail} out.
        </p>
      </div>
      <div className="row">
        <Button variant="danger" onClick={onReplace} disabled={busy}>
          Replace with {pending.newEmail}’s data
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          Cancel and sign out
        </Button>
      </div>
    </div>
  );
}
