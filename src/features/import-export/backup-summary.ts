// Plain-language summaries of what a backup holds and what an import did.
import { BACKUP_TABLES, backupTableLabel } from '../../domain/backup-format';
import type { BackupData } from '../../domain/backup-format';
import type { ImportCounts, ImportPlan } from '../../db/backup';

const plural = (count: number, table: (typeof BACKUP_TABLES)[number]) =>
  `${count.toLocaleString('en')} ${backupTableLabel(table, count)}`;

/** "2 stories, 14 prompts and 3 chats" (tables with rows only). */
export function describeContents(data: BackupData): string {
  const parts = BACKUP_TABLES.filter((table) => data[table].length > 0).map((table) =>
    plural(data[table].length, table),
  );
  if (parts.length === 0) return 'nothing';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

export interface PlanLine {
  table: (typeof BACKUP_TABLES)[number];
  text: string;
}

/** One line per table with rows: "12 prompts: 10 new, 1 restored, 1 already here". */
export function describePlan(plan: ImportPlan): PlanLine[] {
  return BACKUP_TABLES.flatMap((table) => {
    const { added, restored, kept }: ImportCounts = plan[table];
    const total = added + restored + kept;
    if (total === 0) return [];
    const parts = [
      added > 0 ? `${added.toLocaleString('en')} new` : null,
      restored > 0 ? `${restored.toLocaleString('en')} restored (deleted here)` : null,
      kept > 0 ? `${kept.toLocaleString('en')} already here, kept as they are` : null,
    ].filter((part) => part !== null);
    return [{ table, text: `${plural(total, table)}: ${parts.join(', ')}` }];
  });
}

export function changesIn(plan: ImportPlan): number {
  return BACKUP_TABLES.reduce((sum, table) => sum + plan[table].added + plan[table].restored, 0);
}

/** Rows a hand-edited file marks deleted are not imported (backup-format.ts): say so. */
export function describeDeletedLeftOut(count: number): string {
  return count === 1
    ? '1 item in this file is marked deleted (or belongs to something deleted) and is left out.'
    : `${count.toLocaleString('en')} items in this file are marked deleted (or belong to something deleted) and are left out.`;
}
