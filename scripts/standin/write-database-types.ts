// Regenerates src/remote/database.types.ts from the migrations (throwaway PostgreSQL).
// Run after changing a migration: `npx tsx scripts/standin/write-database-types.ts`.
import { writeFileSync } from 'node:fs';
import { generateDatabaseTypes } from './database-types';
import { startPostgres } from './postgres';

export const DATABASE_TYPES_FILE = 'src/remote/database.types.ts';

async function main(): Promise<void> {
  const postgres = await startPostgres();
  try {
    writeFileSync(DATABASE_TYPES_FILE, await generateDatabaseTypes(postgres.adminUrl));
    console.log(`Wrote ${DATABASE_TYPES_FILE}`);
  } finally {
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
