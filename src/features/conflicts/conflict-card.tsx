// One conflict, side by side: the value every device kept and the value that lost (and, for
// long text, the text both edits started from), with "Use this one" on either side. A deleted
// row that was edited elsewhere offers Restore or Keep deleted.
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { Button } from '../../components/ui/button';
import { db } from '../../db/instance';
import type { Conflict } from '../../domain/entities';
import { describeError } from '../../lib/app-error';
import {
  displayValue,
  entityLabel,
  fieldLabel,
  resolveConflict,
  rowName,
  sideText,
} from './conflict-resolution';
import type { ConflictChoice } from './conflict-resolution';

interface SideProps {
  heading: string;
  field: string;
  value: unknown;
  onUse?: () => void;
  busy: boolean;
}

function ConflictSide({ heading, field, value, onUse, busy }: SideProps) {
  const headingId = useId();
  const text = useLiveQuery(() => sideText(db, field, value), [field, value], displayValue(value));
  return (
    <div className="conflict-side stack-tight" role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      <pre className="conflict-side__value" tabIndex={0}>
        {text}
      </pre>
      {onUse ? (
        <Button onClick={onUse} disabled={busy} aria-describedby={headingId}>
          Use this one
        </Button>
      ) : null}
    </div>
  );
}

function DeletedVersusEdited({
  onChoose,
  busy,
}: {
  onChoose: (choice: ConflictChoice) => void;
  busy: boolean;
}) {
  return (
    <>
      <p>
        Deleted on one device while it was edited on another. The edits are kept on the deleted
        item.
      </p>
      <div className="row">
        <Button variant="primary" onClick={() => onChoose('restore')} disabled={busy}>
          Restore
        </Button>
        <Button onClick={() => onChoose('keep-deleted')} disabled={busy}>
          Keep deleted
        </Button>
      </div>
    </>
  );
}

export interface ConflictCardProps {
  conflict: Conflict;
  /** The writer chose: the card is about to leave the list (focus moves on from it). */
  onResolving?: () => void;
}

export function ConflictCard({ conflict, onResolving }: ConflictCardProps) {
  const name = useLiveQuery(
    () => rowName(db, conflict.entity, conflict.row_id),
    [conflict.entity, conflict.row_id],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();

  const choose = async (choice: ConflictChoice) => {
    setBusy(true);
    setError(null);
    onResolving?.();
    try {
      await resolveConflict(db, conflict, choice);
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  };

  const isText = conflict.kind === 'text_overlap';
  return (
    <li className="card stack-tight conflict-card" aria-labelledby={titleId}>
      <h2 id={titleId} className="conflict-card__title" tabIndex={-1}>
        {entityLabel(conflict.entity)}
        {name ? ` “${name}”` : ''} ·{' '}
        {conflict.kind === 'edit_vs_delete' ? 'Deleted' : fieldLabel(conflict.field)}
      </h2>
      {conflict.kind === 'edit_vs_delete' ? (
        <DeletedVersusEdited onChoose={(choice) => void choose(choice)} busy={busy} />
      ) : (
        <div className="conflict-sides">
          <ConflictSide
            heading="Kept value"
            field={conflict.field}
            value={conflict.winner_value}
            onUse={() => void choose('winner')}
            busy={busy}
          />
          <ConflictSide
            heading="Other value"
            field={conflict.field}
            value={conflict.loser_value}
            onUse={() => void choose('loser')}
            busy={busy}
          />
          {isText ? (
            <ConflictSide
              heading="Before both edits"
              field={conflict.field}
              value={conflict.base_value}
              busy={busy}
            />
          ) : null}
        </div>
      )}
      {error ? (
        <p className="ui-field__error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}
