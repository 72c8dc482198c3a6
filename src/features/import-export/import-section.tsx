// "Restore from a backup": choose a file, see what it would add, then import it with progress.
// Nothing is written before the writer confirms, and a file that is not a valid backup is
// refused with the first place that is wrong. With sync on, the restore first waits for a sync
// run to finish: rows the server already holds (same ids) are then on this device and kept as
// they are, instead of being written over with the backup's possibly older values.
import { useRef, useState } from 'react';
import { Button } from '../../components/ui/button';
import { describeError, isStorageFull } from '../../components/ui/describe-error';
import { Notice } from '../../components/ui/notice';
import { ProgressBar } from '../../components/ui/progress-bar';
import { importBackup, ImportStoppedError, planImport } from '../../db/backup';
import type { ImportPlan, ImportProgress } from '../../db/backup';
import { db } from '../../db/instance';
import {
  BACKUP_MAX_BYTES,
  BACKUP_TABLES,
  BackupFormatError,
  parseBackup,
} from '../../domain/backup-format';
import type { BackupFile, ReadBackup } from '../../domain/backup-format';
import { changesIn, describeDeletedLeftOut, describePlan } from './backup-summary';
import { FileChooser } from './file-chooser';
import { useFocusBack } from './use-focus-back';

type State =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'ready'; name: string; backup: ReadBackup; plan: ImportPlan }
  | { kind: 'downloading'; name: string }
  | { kind: 'importing'; name: string; progress: ImportProgress }
  | { kind: 'done'; plan: ImportPlan }
  | { kind: 'stopped'; plan: ImportPlan; text: string }
  | { kind: 'failed'; text: string };

async function readChosenFile(file: File): Promise<{ backup: ReadBackup; plan: ImportPlan }> {
  if (file.size > BACKUP_MAX_BYTES) {
    throw new BackupFormatError(
      `This file is ${(file.size / 1024 / 1024).toFixed(0)} MB; a backup can be at most ${BACKUP_MAX_BYTES / 1024 / 1024} MB.`,
    );
  }
  const backup = parseBackup(await file.text());
  return { backup, plan: await planImport(db, backup.data) };
}

/** The storage-full message of a write speaks of the editor; here the file is what is kept. */
function importStopped(error: unknown): string {
  if (isStorageFull(error)) {
    return 'This device is out of storage, so the import stopped. What was imported before that is saved: free some space, then choose the same file again to add the rest.';
  }
  return `The import stopped: ${describeError(error)} What was imported before that is saved; importing the same file again adds only the rest.`;
}

const KINDS_WITH_BUTTONS = ['ready', 'downloading', 'importing'] as const;

export interface ImportSectionProps {
  /** Resolves once this device holds the writer's synced work; absent: nothing to wait for. */
  downloadFirst?: (signal: AbortSignal) => Promise<void>;
}

export function ImportSection({ downloadFirst }: ImportSectionProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const download = useRef<AbortController | null>(null);
  const importing = useRef<AbortController | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  useFocusBack(state.kind, KINDS_WITH_BUTTONS, fileInput);

  const choose = async (file: File) => {
    setState({ kind: 'reading' });
    try {
      setState({ kind: 'ready', name: file.name, ...(await readChosenFile(file)) });
    } catch (error) {
      setState({ kind: 'failed', text: describeError(error) });
    }
  };

  const start = async (name: string, backup: BackupFile) => {
    if (downloadFirst) {
      setState({ kind: 'downloading', name });
      download.current = new AbortController();
      try {
        await downloadFirst(download.current.signal);
      } catch (error) {
        setState({ kind: 'failed', text: describeError(error) });
        return;
      } finally {
        download.current = null;
      }
    }
    const total = BACKUP_TABLES.reduce((sum, table) => sum + backup.data[table].length, 0);
    setState({ kind: 'importing', name, progress: { done: 0, total } });
    importing.current = new AbortController();
    try {
      const plan = await importBackup(
        db,
        backup.data,
        (progress) => setState({ kind: 'importing', name, progress }),
        importing.current.signal,
      );
      setState({ kind: 'done', plan });
    } catch (error) {
      if (error instanceof ImportStoppedError)
        setState({ kind: 'stopped', plan: error.plan, text: error.message });
      else setState({ kind: 'failed', text: importStopped(error) });
    } finally {
      importing.current = null;
    }
  };

  const busy =
    state.kind === 'reading' || state.kind === 'downloading' || state.kind === 'importing';
  return (
    <div className="stack-tight">
      <p className="muted">
        Adds what a backup holds to this device. Stories and prompts already here are kept as they
        are; deleted ones come back.
      </p>
      <FileChooser
        label="Backup file"
        accept=".json,application/json"
        disabled={busy}
        onChoose={(file) => void choose(file)}
        inputRef={fileInput}
      />
      {state.kind === 'reading' ? <p role="status">Reading the file…</p> : null}
      {state.kind === 'failed' ? <Notice tone="error">{state.text}</Notice> : null}
      {state.kind === 'ready' ? (
        <ImportPreview
          state={state}
          onImport={() => void start(state.name, state.backup)}
          onCancel={() => setState({ kind: 'idle' })}
        />
      ) : null}
      {state.kind === 'downloading' ? (
        <div className="row">
          <p role="status">
            Downloading your synced work first, so “{state.name}” cannot overwrite newer changes…
          </p>
          <Button variant="ghost" onClick={() => download.current?.abort()}>
            Cancel
          </Button>
        </div>
      ) : null}
      {state.kind === 'importing' ? (
        <div className="stack-tight">
          <p role="status">Importing “{state.name}”…</p>
          <ProgressBar
            label="Import progress"
            value={state.progress.done}
            max={state.progress.total}
          />
          <div className="row">
            <Button variant="ghost" onClick={() => importing.current?.abort()}>
              Stop import
            </Button>
          </div>
        </div>
      ) : null}
      {state.kind === 'stopped' ? (
        <Notice tone="warning" title="Import stopped">
          <p>{state.text}</p>
          <PlanLines plan={state.plan} />
        </Notice>
      ) : null}
      {state.kind === 'done' ? (
        <Notice tone="success" title="Import complete">
          <PlanLines plan={state.plan} />
        </Notice>
      ) : null}
    </div>
  );
}

function ImportPreview({
  state,
  onImport,
  onCancel,
}: {
  state: { name: string; backup: ReadBackup; plan: ImportPlan };
  onImport: () => void;
  onCancel: () => void;
}) {
  const empty = describePlan(state.plan).length === 0;
  const changes = changesIn(state.plan);
  return (
    <section className="card stack-tight" aria-label="What this backup holds">
      <p>
        <strong>{state.name}</strong> holds:
      </p>
      {empty ? <p className="muted">Nothing: the file is an empty backup.</p> : null}
      <PlanLines plan={state.plan} />
      {state.backup.deletedLeftOut > 0 ? (
        <p className="muted">{describeDeletedLeftOut(state.backup.deletedLeftOut)}</p>
      ) : null}
      <div className="row">
        <Button onClick={onImport} disabled={changes === 0}>
          {changes === 0
            ? 'Nothing to import'
            : `Import ${changes.toLocaleString('en')} ${changes === 1 ? 'item' : 'items'}`}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </section>
  );
}

/** One line per table: what an import would do, did, or did before it was stopped. */
function PlanLines({ plan }: { plan: ImportPlan }) {
  return (
    <ul>
      {describePlan(plan).map((line) => (
        <li key={line.table}>{line.text}</li>
      ))}
    </ul>
  );
}
