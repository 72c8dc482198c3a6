// Writes made through the API must sync to every device exactly like a device's own edit:
// every changed field gets a fresh HLC from the API's own clock (node "api-<random>"), merged
// into the row's field_hlc; the database trigger stamps server_version. Before stamping an
// update, the clock folds in the row's existing HLCs so the API's edit is later than any edit
// it has seen (otherwise an older device edit could win the merge over the API's newer one).
import { HlcClock } from '../domain/hlc';

export function createApiClock(now?: () => number): HlcClock {
  const random = globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 12);
  return new HlcClock({ node: `api-${random}`, now });
}

export function stampFields(
  clock: HlcClock,
  fields: readonly string[],
  seen: Record<string, string> = {},
): Record<string, string> {
  for (const hlc of Object.values(seen)) {
    try {
      clock.recv(hlc);
    } catch {
      // A malformed stored HLC cannot be ordered against; ignoring it only loses that hint.
    }
  }
  const stamps: Record<string, string> = {};
  for (const field of fields) stamps[field] = clock.send();
  return stamps;
}

/** A database row as the API returns it: ISO timestamps, no server-internal columns. */
export function publicRow<T>(row: Record<string, unknown>): T {
  const { field_hlc: _hlc, server_version: _version, user_id: _user, ...rest } = row;
  for (const key of ['created_at', 'updated_at']) {
    const value = rest[key];
    if (value instanceof Date) rest[key] = value.toISOString();
  }
  return rest as T;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
