// What the tabs of one device tell each other about sync (BroadcastChannel
// 'story-prompts-sync'): the leader publishes every status; any tab can ask for the current
// status (on start) or ask the leader to sync now.
import type { SyncStatus } from '../../sync/sync-status';

export const SYNC_TAB_CHANNEL = 'story-prompts-sync';
export const SYNC_LEADER_LOCK = 'story-prompts-sync-leader';

export type SyncTabMessage =
  { type: 'status'; status: SyncStatus } | { type: 'status-request' } | { type: 'sync-now' };
