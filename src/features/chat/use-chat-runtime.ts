// Started by every chat page: hands the app's token source to the chat engine and starts this
// tab's offline-queue sender (once; it keeps running after the page is left).
import { useEffect } from 'react';
import { configureChatSession, startQueueSender } from './chat-session';

export interface ChatPageProps {
  /** The signed-in writer's Supabase access token, injected by the app (none when local-only). */
  getAccessToken?: () => Promise<string | null>;
}

export function useChatRuntime(getAccessToken: ChatPageProps['getAccessToken']): void {
  useEffect(() => {
    configureChatSession({ getAccessToken });
    startQueueSender();
  }, [getAccessToken]);
}
