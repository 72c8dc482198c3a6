// Replies from the server are checked before anything is written: a reply that does not match
// the protocol (a proxy's HTML error page, a truncated body, another version) is refused as
// 'invalid-response' and nothing local changes.
import { z } from 'zod';
import type { PullResponse, PushResponse } from './protocol';
import { SyncTransportError } from './sync-errors';

const serverRow = z.looseObject({
  id: z.string(),
  field_hlc: z.record(z.string(), z.string()),
  server_version: z.union([z.number(), z.string()]),
});
const tableRow = z.object({ table: z.string(), row: serverRow });

const pushResponse = z.object({
  ack_mid: z.number().int().nonnegative(),
  rows: z.array(tableRow),
  conflicts: z.array(serverRow),
  rejected: z.array(
    z.object({
      mid: z.number(),
      table: z.string(),
      id: z.string(),
      code: z.string(),
      message: z.string(),
    }),
  ),
});

const pullResponse = z.object({
  changes: z.array(tableRow),
  cursor: z.number().int().nonnegative(),
  has_more: z.boolean(),
  ack_mid: z.number().int().nonnegative(),
  gc_version: z.number().int().nonnegative().optional(),
  reset_required: z.boolean(),
});

function check(schema: z.ZodType, value: unknown, what: string): void {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new SyncTransportError(
      'invalid-response',
      `The sync server sent an unexpected ${what} reply (${issue?.path.join('.') || 'body'}: ${issue?.message}). Nothing was changed on this device.`,
    );
  }
}

export function assertPushResponse(value: unknown): asserts value is PushResponse {
  check(pushResponse, value, 'push');
}

export function assertPullResponse(value: unknown): asserts value is PullResponse {
  check(pullResponse, value, 'pull');
}
