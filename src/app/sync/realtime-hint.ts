// A Supabase Realtime broadcast as a "something changed, sync now" hint between devices of one
// writer. Only a hint: Realtime does not guarantee delivery, and no data travels on it (the
// channel carries no payload), so a missed or forged hint costs at most one extra sync.
import type { SupabaseClient } from '@supabase/supabase-js';

export interface RealtimeHint {
  /** Tells the writer's other devices that this one pushed changes. */
  notifyChanged(): void;
  close(): void;
}

const NO_HINT: RealtimeHint = { notifyChanged: () => {}, close: () => {} };
const EVENT = 'changed';

export function openRealtimeHint(
  client: SupabaseClient,
  userId: string,
  onHint: () => void,
): RealtimeHint {
  let joined = false;
  const channel = client.channel(`sync:${userId}`, { config: { broadcast: { self: false } } });
  channel.on('broadcast', { event: EVENT }, () => onHint());
  channel.subscribe((state) => {
    joined = state === 'SUBSCRIBED';
  });
  return {
    notifyChanged: () => {
      if (joined)
        void channel.send({ type: 'broadcast', event: EVENT, payload: {} }).catch(() => {});
    },
    close: () => void client.removeChannel(channel).catch(() => {}),
  };
}

export function noRealtimeHint(): RealtimeHint {
  return NO_HINT;
}
