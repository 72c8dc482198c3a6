// Messages written offline wait in this device's chat queue. The chat pages start the queue
// sender, but a message queued in an earlier session must go out as soon as the app starts
// again, even if no chat page is opened. Everything here loads lazily (the database code and
// the chat session), so the entry chunk stays small (benchmark B16).
export async function startChatQueueIfWaiting(): Promise<void> {
  const [{ db }, { readChatQueue }] = await Promise.all([
    import('../db/instance'),
    import('../db/messages-repository'),
  ]);
  if ((await readChatQueue(db)).length === 0) return;
  const [{ configureChatSession, startQueueSender }, { chatAccessToken }] = await Promise.all([
    import('../features/chat/chat-session'),
    import('./chat-access-token'),
  ]);
  configureChatSession({ getAccessToken: chatAccessToken });
  startQueueSender();
}
