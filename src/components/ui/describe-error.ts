// What the UI shows for errors thrown by repositories, without importing the db layer
// (components sit below db): a ValidationError carries `issues` ({ field, message }), a
// StorageFullError has code 'storage/full'. Both are recognised by shape.
import { isAppError } from '../../lib/app-error';

export { describeError } from '../../lib/app-error';

export interface FieldIssueLike {
  field: string;
  message: string;
}

/** The messages of a validation error for one field (or all of them when field is omitted). */
export function fieldIssues(error: unknown, field?: string): string[] {
  const issues = (error as { issues?: unknown } | null)?.issues;
  if (!Array.isArray(issues)) return [];
  return (issues as FieldIssueLike[])
    .filter(
      (issue) =>
        typeof issue?.message === 'string' && (field === undefined || issue.field === field),
    )
    .map((issue) => issue.message);
}

export function isStorageFull(error: unknown): boolean {
  return isAppError(error, 'storage/full');
}
