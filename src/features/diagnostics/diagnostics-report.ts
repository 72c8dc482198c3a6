// The "Export diagnostics" file: counts, storage, metrics and recent errors, plus the browser
// and app build. Never any of the writer's text: only numbers, names and error messages.
import type { DeviceCounts } from '../../db/device-counts';
import type { MetricsSnapshot } from '../../lib/app-metrics';
import type { StorageFacts } from '../../platform/storage-health';

export interface DiagnosticsReport {
  format: 'story-prompts-diagnostics';
  version: 1;
  created_at: string;
  user_agent: string;
  counts: DeviceCounts | null;
  storage: StorageFacts | null;
  metrics: MetricsSnapshot;
}

export function diagnosticsReport(
  counts: DeviceCounts | null,
  storage: StorageFacts | null,
  metrics: MetricsSnapshot,
  now = new Date(),
): DiagnosticsReport {
  return {
    format: 'story-prompts-diagnostics',
    version: 1,
    created_at: now.toISOString(),
    user_agent: navigator.userAgent,
    counts,
    storage,
    metrics,
  };
}
