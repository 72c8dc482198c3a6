// "Refused changes": edits the server rejected as invalid. They never block the rest of the
// sync and are never dropped silently: the writer sees why, can copy what was typed, and
// dismisses them when done.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Button } from '../../components/ui/button';
import type { DeadLetter } from '../../db/database';
import { db } from '../../db/instance';
import { displayValue, entityLabel, fieldLabel } from './conflict-resolution';

function valuesText(letter: DeadLetter): string {
  return Object.entries(letter.fields)
    .map(([field, change]) => `${fieldLabel(field)}:\n${displayValue(change.value)}`)
    .join('\n\n');
}

function DeadLetterItem({ letter }: { letter: DeadLetter }) {
  const [copied, setCopied] = useState<string | null>(null);
  const text = valuesText(letter);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Copied.');
    } catch {
      setCopied('Could not copy: select the text above and copy it by hand.');
    }
  };
  return (
    <li className="card stack-tight dead-letter">
      <h3>
        {entityLabel(letter.table)} · refused {new Date(letter.failed_at).toLocaleString('en')}
      </h3>
      <p>
        <strong>Why:</strong> {letter.message} <span className="muted">({letter.code})</span>
      </p>
      <pre className="conflict-side__value" tabIndex={0}>
        {text}
      </pre>
      <div className="row">
        <Button onClick={() => void copy()}>Copy values</Button>
        <Button variant="ghost" onClick={() => void db.dead_letters.delete(letter.id!)}>
          Dismiss
        </Button>
        {copied ? <span role="status">{copied}</span> : null}
      </div>
    </li>
  );
}

export function DeadLetterList() {
  const letters = useLiveQuery(() => db.dead_letters.orderBy(':id').toArray(), []);
  return (
    <section className="stack" aria-labelledby="dead-letters-heading">
      <h2 id="dead-letters-heading">Refused changes</h2>
      {letters === undefined ? null : letters.length === 0 ? (
        <p className="muted">The server accepted every change.</p>
      ) : (
        <ul className="conflict-list stack">
          {letters.map((letter) => (
            <DeadLetterItem key={letter.id} letter={letter} />
          ))}
        </ul>
      )}
    </section>
  );
}
