// Vite build of the search benchmark page (a separate entry, built to a temp dir), with the
// app's worker settings so the search worker is bundled exactly as in the app.
import { fileURLToPath } from 'node:url';
import type { InlineConfig } from 'vite';

export function searchBenchConfig(outDir: string): InlineConfig {
  return {
    configFile: false,
    root: fileURLToPath(new URL('./search-page', import.meta.url)),
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { target: 'es2022', outDir, emptyOutDir: true },
  };
}
