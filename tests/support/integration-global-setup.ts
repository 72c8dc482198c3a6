// Starts ONE real PostgreSQL 15 (shim + migrations applied) for the whole integration project
// and stops it afterwards. Test files get its URLs through `inject` (tests/support/postgres.ts)
// and isolate themselves by creating fresh users, so they never need a clean database.
import type { TestProject } from 'vitest/node';
import { startPostgres } from '../../scripts/standin/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: { adminUrl: string; databaseUrl: string };
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startPostgres();
  project.provide('postgres', { adminUrl: postgres.adminUrl, databaseUrl: postgres.databaseUrl });
  return async () => {
    await postgres.stop();
  };
}
