// This tab's metrics (src/lib/app-metrics.ts), re-rendering when one is recorded.
import { useSyncExternalStore } from 'react';
import { appMetrics } from '../../lib/app-metrics';
import type { MetricsSnapshot } from '../../lib/app-metrics';

export function useAppMetrics(): MetricsSnapshot {
  return useSyncExternalStore(appMetrics.subscribe, appMetrics.snapshot);
}
