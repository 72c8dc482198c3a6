/**
 * Before a backup is restored: this tab's sync runtime runs a sync to completion, so rows the
 * server already holds are on the device and the restore keeps them (see
 * sync/download-before-restore.ts). Loaded lazily, like the runtime itself.
 */
export async function downloadBeforeRestore(signal: AbortSignal): Promise<void> {
  const { syncRuntime } = await import('./sync/sync-runtime-instance');
  return syncRuntime().runtime.downloadBeforeRestore(signal);
}
