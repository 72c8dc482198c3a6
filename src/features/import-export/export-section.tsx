// "Download a backup": every story, prompt, persona and chat on this device as one JSON file.
import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { describeError } from '../../components/ui/describe-error';
import { Notice } from '../../components/ui/notice';
import { readBackupData } from '../../db/backup';
import { db } from '../../db/instance';
import { backupFile } from '../../domain/backup-format';
import { describeContents } from './backup-summary';
import { downloadFile } from '../../platform/download-file';
import { localDay } from '../../lib/local-day';

type State =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; text: string }
  | { kind: 'failed'; text: string };

export function ExportSection() {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const download = async () => {
    setState({ kind: 'working' });
    try {
      const now = new Date();
      const data = await readBackupData(db);
      downloadFile(
        `story-prompts-backup-${localDay(now)}.json`,
        JSON.stringify(backupFile(data, now)),
        'application/json',
      );
      setState({ kind: 'done', text: `Backup downloaded: ${describeContents(data)}.` });
    } catch (error) {
      setState({ kind: 'failed', text: `Could not make the backup: ${describeError(error)}` });
    }
  };
  return (
    <div className="stack-tight">
      <p className="muted">
        One file with every story, category, prompt, persona and chat on this device. Keep it
        somewhere safe: it brings everything back on any browser, even one that was cleared.
      </p>
      <div className="row">
        <Button onClick={() => void download()} disabled={state.kind === 'working'}>
          {state.kind === 'working' ? 'Preparing…' : 'Download backup'}
        </Button>
      </div>
      {state.kind === 'done' ? <Notice tone="success">{state.text}</Notice> : null}
      {state.kind === 'failed' ? <Notice tone="error">{state.text}</Notice> : null}
    </div>
  );
}
