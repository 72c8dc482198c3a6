// DEVELOPMENT TOOL, NEVER PRODUCTION: `npm run backend` starts the local Supabase stand-in on
// http://127.0.0.1:54321 with data kept under .local/supabase (git-ignored), prints what the app
// needs to connect, and stops PostgreSQL cleanly on Ctrl+C or SIGTERM.
// Environment: STANDIN_PORT, STANDIN_DB_PORT, STANDIN_JWT_SECRET, STANDIN_DATA_DIR override the defaults.
import { resolve } from 'node:path';
import { startStandin } from './standin';

async function main(): Promise<void> {
  const dataDir = resolve(process.env.STANDIN_DATA_DIR ?? '.local/supabase');
  const standin = await startStandin({
    port: Number(process.env.STANDIN_PORT ?? 54321),
    jwtSecret: process.env.STANDIN_JWT_SECRET,
    dataDir,
    // Supabase's local database port, so DATABASE_URL stays the same between runs.
    dbPort: Number(process.env.STANDIN_DB_PORT ?? 54322),
    // No real e-mail: a sign-in mail is printed here instead.
    onMail: (mail) =>
      console.log(`[standin] sign-in mail to ${mail.to}: code ${mail.code}, link ${mail.link}`),
  });
  console.log(
    [
      'Local Supabase stand-in (development only; production uses a hosted Supabase project).',
      `  API URL:          ${standin.url}`,
      `  anon key:         ${standin.anonKey}`,
      `  service_role key: ${standin.serviceRoleKey}`,
      `  database:         ${standin.adminUrl}`,
      `  data:             ${dataDir}`,
      'For the app: VITE_SUPABASE_URL=<API URL> VITE_SUPABASE_ANON_KEY=<anon key>. Ctrl+C stops it.',
    ].join('\n'),
  );
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the stand-in and PostgreSQL...`);
    standin.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('The stand-in could not start:', error);
  process.exit(1);
});
