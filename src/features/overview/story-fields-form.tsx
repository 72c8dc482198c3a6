// Title, logline, genre, synopsis and notes, each saved about 400 ms after typing stops (and at
// once on blur or when leaving the page). There is no Save button; a small line says whether
// everything is saved. A refused save shows its reason next to the field, the text stays, and
// it is kept in this browser and offered back if the writer leaves and comes back.
import { useCallback, useEffect, useState } from 'react';
import type { Story } from '../../domain/entities';
import { describeError, fieldIssues, isStorageFull } from '../../components/ui/describe-error';
import { KeptTextNotice } from '../../components/ui/kept-text-notice';
import { Notice } from '../../components/ui/notice';
import { TextArea, TextField } from '../../components/ui/text-field';
import type { AutosaveStatus } from '../../components/ui/use-autosave';
import { useStoryField } from './use-story-field';
import type { StoryFieldName } from './use-story-field';

interface FieldSpec {
  field: StoryFieldName;
  label: string;
  multiline: boolean;
  rows?: number;
  hint?: string;
  placeholder?: string;
}

const FIELDS: FieldSpec[] = [
  { field: 'title', label: 'Title', multiline: false },
  {
    field: 'logline',
    label: 'Logline',
    multiline: true,
    rows: 2,
    placeholder: 'One sentence: who wants what, and what stands in the way',
  },
  { field: 'genre', label: 'Genre', multiline: false, placeholder: 'e.g. Literary mystery' },
  {
    field: 'synopsis',
    label: 'Synopsis',
    multiline: true,
    rows: 6,
    placeholder: 'What happens, beginning to end',
  },
  {
    field: 'notes',
    label: 'Notes',
    multiline: true,
    rows: 8,
    hint: 'Markdown is fine: **bold**, _italic_, lists.',
    placeholder: 'Research, themes, loose ideas…',
  },
];

type FieldReport = { status: AutosaveStatus; error: unknown };

function StoryFieldEditor({
  story,
  spec,
  onReport,
}: {
  story: Story;
  spec: FieldSpec;
  onReport: (field: StoryFieldName, report: FieldReport) => void;
}) {
  const { draft, setDraft, autosave, kept, restoreKept, discardKept, onFocus, onBlur } =
    useStoryField(story.id, spec.field, story[spec.field]);
  const { status, error } = autosave;
  useEffect(() => onReport(spec.field, { status, error }), [onReport, spec.field, status, error]);

  // Storage-full is reported once for the page (see below), not under every field.
  const message =
    error && !isStorageFull(error)
      ? (fieldIssues(error, spec.field)[0] ?? describeError(error))
      : null;
  const common = {
    label: spec.label,
    value: draft,
    error: message,
    hint: spec.hint,
    placeholder: spec.placeholder,
    onFocus,
    onBlur,
    className: `overview-field overview-field--${spec.field}`,
  };
  return (
    <>
      <KeptTextNotice
        kept={kept}
        name={spec.label.toLowerCase()}
        onRestore={restoreKept}
        onDiscard={discardKept}
      />
      {spec.multiline ? (
        <TextArea {...common} rows={spec.rows} onChange={(event) => setDraft(event.target.value)} />
      ) : (
        <TextField
          {...common}
          autoComplete="off"
          onChange={(event) => setDraft(event.target.value)}
        />
      )}
    </>
  );
}

function overallStatus(reports: Partial<Record<StoryFieldName, FieldReport>>): AutosaveStatus {
  const statuses = Object.values(reports).map((report) => report.status);
  if (statuses.includes('error')) return 'error';
  if (statuses.includes('saving')) return 'saving';
  if (statuses.includes('saved')) return 'saved';
  return 'idle';
}

const STATUS_TEXT: Record<AutosaveStatus, string> = {
  idle: 'All changes saved on this device',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Not saved',
};

export function StoryFieldsForm({ story }: { story: Story }) {
  const [reports, setReports] = useState<Partial<Record<StoryFieldName, FieldReport>>>({});
  const onReport = useCallback(
    (field: StoryFieldName, report: FieldReport) =>
      setReports((current) =>
        current[field]?.status === report.status && current[field]?.error === report.error
          ? current
          : { ...current, [field]: report },
      ),
    [],
  );
  const status = overallStatus(reports);
  const storageFull = Object.values(reports).find((report) => isStorageFull(report.error));

  return (
    <section className="overview-story card" aria-labelledby="overview-heading">
      <div className="overview-story__header">
        <p className="overview-story__eyebrow">Story overview</p>
        <h1 id="overview-heading" className="overview-story__title">
          {story.title}
        </h1>
        <p className={`save-state save-state--${status}`} aria-live="polite">
          {STATUS_TEXT[status]}
        </p>
      </div>
      {storageFull ? (
        <Notice tone="error" title="Your device is out of storage">
          {describeError(storageFull.error)}
        </Notice>
      ) : null}
      <div className="overview-story__fields">
        {FIELDS.map((spec) => (
          <StoryFieldEditor key={spec.field} story={story} spec={spec} onReport={onReport} />
        ))}
      </div>
    </section>
  );
}
