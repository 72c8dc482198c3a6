// Reading repository errors for one field. Validation issue paths are dotted (e.g.
// "action_steps.3.text", "tags.0"), so a field matches its own path and everything under it.
import { describeError } from '../../components/ui/describe-error';

interface IssueLike {
  field: string;
  message: string;
}

export function issuesFor(error: unknown, field: string): string[] {
  const issues = (error as { issues?: unknown } | null)?.issues;
  if (!Array.isArray(issues)) return [];
  return (issues as IssueLike[])
    .filter((issue) => issue.field === field || issue.field.startsWith(`${field}.`))
    .map((issue) => issue.message);
}

/** The message to show under a field: its validation issues, else the error's own message. */
export function messageFor(error: unknown, field: string): string | null {
  if (error === null || error === undefined) return null;
  const issues = issuesFor(error, field);
  return issues.length > 0 ? [...new Set(issues)].join(' ') : describeError(error);
}
