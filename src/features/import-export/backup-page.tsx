// The backup page (/backup): download a backup or a story as Markdown, restore from a backup,
// import a prompt pack.
import { ExportSection } from './export-section';
import { ImportSection } from './import-section';
import { PromptPackSection } from './prompt-pack-section';
import { StoryMarkdownSection } from './story-markdown-section';
import './backup-page.css';

const SECTIONS = [
  { id: 'export', title: 'Download a backup', Component: ExportSection },
  { id: 'markdown', title: 'Download a story as Markdown', Component: StoryMarkdownSection },
  { id: 'import', title: 'Restore from a backup', Component: ImportSection },
  { id: 'pack', title: 'Import a prompt pack', Component: PromptPackSection },
] as const;

export interface BackupPageProps {
  /** Resolves once this device holds the writer's synced work (see ImportSection). */
  downloadFirst?: (signal: AbortSignal) => Promise<void>;
}

export function BackupPage({ downloadFirst }: BackupPageProps) {
  return (
    <section className="backup-page stack" aria-labelledby="backup-heading">
      <title>Backup · Story Prompts</title>
      <div>
        <h1 id="backup-heading">Backup and restore</h1>
        <p className="muted">
          Your work lives in this browser. A backup file keeps a copy you control.
        </p>
      </div>
      {SECTIONS.map(({ id, title, Component }) => (
        <section key={id} className="card stack-tight" aria-labelledby={`backup-${id}`}>
          <h2 id={`backup-${id}`}>{title}</h2>
          {Component === ImportSection ? (
            <ImportSection downloadFirst={downloadFirst} />
          ) : (
            <Component />
          )}
        </section>
      ))}
    </section>
  );
}
