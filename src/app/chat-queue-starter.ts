// Messages written offline wait in this device's chat queue. The chat pages start the queue
// sender, but a message queued in an earlier session must go out as soon as the app starts
// again, even if no chat page is opened. Everything here loads lazily (the database code and
// the chat session), so the entry chunk stays small (benchmark B16). The token helper is a few
// lines that load the sync runtime lazily themselves; the router already has it in the entry.
import { chatAccessToken } from './chat-access-token';

export async function startChatQueueIfWaiting(): Promise<void> {
  const [{ db }, { readChatQueue }] = await Promise.all([
    import('../db/instance'),
    import('../db/messages-repository'),
  ]);
  if ((await readChatQueue(db)).length === 0) return;
  const { configureChatSession, startQueueSender } = await import('../features/chat/chat-session');
  configureChatSession({ getAccessToken: chatAccessToken });
  startQueueSender();
}
