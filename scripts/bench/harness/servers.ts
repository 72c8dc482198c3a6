// The built app (with the bench pages under /__bench/) served by the production server module
// (scripts/serve-app.ts: same caching headers and SPA fallback a writer gets), on two ports:
// two origins, so the workbench's databases and storage figures never mix with the app's.
import { createServerApp, startServer } from '../../serve-app';
import type { RunningServer } from '../../serve-app';

export interface Origins {
  /** The app and its seeding pages (B6, B15, B17, B21 app heap). */
  app: RunningServer;
  /** Same files on another port: the workbench and the no-JS baseline pages. */
  bench: RunningServer;
  close(): Promise<void>;
}

export async function serveBuild(appDir: string): Promise<Origins> {
  const app = await startServer(createServerApp({ distDir: appDir }), 0);
  const bench = await startServer(createServerApp({ distDir: appDir }), 0);
  return { app, bench, close: async () => void (await Promise.all([app.close(), bench.close()])) };
}
