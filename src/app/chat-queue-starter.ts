// Messages written offline wait in this device's chat queue. The chat pages start the queue
// sender, but a message queued in an earlier session must go out as soon as the app starts
// again, even if no chat page is opened: this loads the chat code only when something waits.
import { db } from '../db/instance';
import { readChatQueue } from '../db/messages-repository';
import { chatAccessToken } from './chat-access-token';

export async function startChatQueueIfWaiting(): Promise<void> {
  if ((await readChatQueue(db)).length === 0) return;
  const { configureChatSession, startQueueSender } = await import('../features/chat/chat-session');
  configureChatSession({ getAccessToken: chatAccessToken });
  startQueueSender();
}
