// Conflicts (/conflicts): every value that lost a concurrent edit on another device, live, each
// resolvable in one click; then the changes the server refused.
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef } from 'react';
import { db } from '../../db/instance';
import { ConflictCard } from './conflict-card';
import { listOpenConflicts } from './conflict-resolution';
import { DeadLetterList } from './dead-letter-list';
import { useFocusAfterResolve } from './use-focus-after-resolve';
import './conflicts.css';

export function ConflictsPage() {
  const conflicts = useLiveQuery(() => listOpenConflicts(db), []);
  const listRef = useRef<HTMLUListElement>(null);
  const emptyRef = useRef<HTMLParagraphElement>(null);
  const resolving = useFocusAfterResolve(conflicts, listRef, emptyRef);
  return (
    <section className="conflicts-page stack" aria-labelledby="conflicts-heading">
      <title>Conflicts · Story Prompts</title>
      <div>
        <h1 id="conflicts-heading">Conflicts</h1>
        <p className="muted">
          When two devices changed the same thing while apart, one value was kept everywhere and the
          other is listed here. Long text whose edits don’t overlap merges without asking.
        </p>
      </div>
      {conflicts === undefined ? (
        <p className="page-loading">Loading…</p>
      ) : conflicts.length === 0 ? (
        <p className="empty-state" ref={emptyRef} tabIndex={-1}>
          No conflicts: every device agrees.
        </p>
      ) : (
        <ul className="conflict-list stack" aria-label="Open conflicts" ref={listRef}>
          {conflicts.map((conflict, index) => (
            <ConflictCard
              key={conflict.id}
              conflict={conflict}
              onResolving={() => resolving(conflict.id, index)}
            />
          ))}
        </ul>
      )}
      <DeadLetterList />
    </section>
  );
}
