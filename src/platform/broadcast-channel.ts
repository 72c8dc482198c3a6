// A typed BroadcastChannel between the tabs of one origin (a message posted by a tab reaches
// every other tab, not itself). Where BroadcastChannel is missing, posting does nothing: each
// tab then works on its own, which the callers must tolerate.

export interface TabChannel<Message> {
  post(message: Message): void;
  /** Returns the unsubscribe function. */
  subscribe(onMessage: (message: Message) => void): () => void;
  close(): void;
}

export function openTabChannel<Message>(name: string): TabChannel<Message> {
  if (typeof BroadcastChannel === 'undefined') {
    return { post: () => {}, subscribe: () => () => {}, close: () => {} };
  }
  const channel = new BroadcastChannel(name);
  const listeners = new Set<(message: Message) => void>();
  channel.onmessage = (event: MessageEvent<Message>) => {
    for (const listener of listeners) listener(event.data);
  };
  return {
    post: (message) => channel.postMessage(message),
    subscribe: (onMessage) => {
      listeners.add(onMessage);
      return () => listeners.delete(onMessage);
    },
    close: () => {
      listeners.clear();
      channel.close();
    },
  };
}
