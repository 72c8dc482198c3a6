// Route /chats/:chatId: one chat. /chats/new?story=<id> starts a new chat; "Send to chat" from
// a prompt preview arrives here with the filled prompt as router state `{ draft }` (or a
// `draft` query parameter), which seeds the composer so persona and model can be chosen first.
// /chats/:chatId?message=<id> (a search hit) opens the chat at that message.
import { useLiveQuery } from 'dexie-react-hooks';
import { useLayoutEffect, useMemo } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { getChat } from '../../db/chat-queries';
import { db } from '../../db/instance';
import { ChatWindow } from './chat-window';
import { draftStore } from './composer-drafts';
import { useChatMessages } from './use-chat-data';
import type { ChatMessages, MessageTarget } from './use-chat-data';
import { useChatRuntime } from './use-chat-runtime';
import type { ChatPageProps } from './use-chat-runtime';
import './chat.css';

export const NEW_CHAT_ID = 'new';

/** A chat not created yet has no messages (and nothing older to read). */
const NO_MESSAGES: ChatMessages = { messages: [], hasOlder: false, loadOlder: () => undefined };

/** The text handed over by "Send to chat": router state first, then the query string. */
export function readChatDraft(state: unknown, search: URLSearchParams): string | null {
  const fromState = (state as { draft?: unknown } | null)?.draft;
  if (typeof fromState === 'string' && fromState !== '') return fromState;
  return search.get('draft') || null;
}

/**
 * The new chat's draft once a text is handed over: a message the writer had already started
 * there stays, with the handed text after it (the same text handed twice is not repeated).
 */
export function withHandedText(existing: string, handed: string): string {
  if (existing.trim() === '') return handed;
  if (existing.includes(handed)) return existing;
  return `${existing.trimEnd()}\n\n${handed}`;
}

function chatsLink(storyId: string | null): string {
  return storyId ? `/stories/${encodeURIComponent(storyId)}/chats` : '/chats';
}

function NewChat() {
  const [search] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const storyId = search.get('story');
  const draftKey = `new:${storyId ?? ''}`;
  const handed = readChatDraft(location.state, search);
  // Once per navigation (location.key), before paint: later renders must not overwrite what
  // the writer edits in the composer. The handed text is then dropped from this history entry:
  // the draft is kept on the device, and a reload must not put the handed text back over it.
  useLayoutEffect(() => {
    if (handed === null) return;
    draftStore.set(draftKey, withHandedText(draftStore.get(draftKey), handed));
    const rest = new URLSearchParams(search);
    rest.delete('draft');
    void navigate({ search: `?${rest}` }, { replace: true, state: null });
  }, [location.key, handed, draftKey, search, navigate]);
  return (
    <>
      <p className="chat-crumb">
        <Link to={chatsLink(storyId)}>All chats</Link>
      </p>
      <ChatWindow
        chat={null}
        storyId={storyId}
        draftKey={draftKey}
        onCreated={(chat) =>
          void navigate(`/chats/${chat.id}`, { replace: true, state: { focusComposer: true } })
        }
        loaded={NO_MESSAGES}
      />
    </>
  );
}

/** The message a link points at; each navigation to it (a new location key) shows it again. */
function useMessageTarget(): MessageTarget | null {
  const [search] = useSearchParams();
  const { key } = useLocation();
  const messageId = search.get('message');
  return useMemo(() => (messageId ? { messageId, key } : null), [messageId, key]);
}

/** Set by a new chat's first send: the window that replaces it keeps the caret in the composer. */
function useFocusComposer(): boolean {
  const { state } = useLocation();
  return (state as { focusComposer?: unknown } | null)?.focusComposer === true;
}

function ExistingChat({ chatId }: { chatId: string }) {
  const chat = useLiveQuery(async () => (await getChat(db, chatId)) ?? null, [chatId]);
  const focusComposer = useFocusComposer();
  // Read together with the chat row, so opening a chat is one IndexedDB round trip, not two.
  const loaded = useChatMessages(chatId, useMessageTarget());
  if (chat === undefined) return <p className="page-loading">Loading chat…</p>;
  if (chat === null)
    return (
      <section className="stack">
        <h1>Chat not found</h1>
        <p>
          It may have been deleted. <Link to="/chats">All chats</Link>
        </p>
      </section>
    );
  return (
    <>
      <title>{`${chat.title || 'Chat'} · Story Prompts`}</title>
      <p className="chat-crumb">
        <Link to={chatsLink(chat.story_id)}>All chats</Link>
      </p>
      <ChatWindow
        key={chat.id}
        chat={chat}
        storyId={chat.story_id}
        draftKey={chat.id}
        loaded={loaded}
        focusComposer={focusComposer}
      />
    </>
  );
}

export function ChatWindowPage({ getAccessToken }: ChatPageProps) {
  useChatRuntime(getAccessToken);
  const { chatId = '' } = useParams();
  return (
    <div className="chat-page">
      {chatId === NEW_CHAT_ID ? <NewChat /> : <ExistingChat chatId={chatId} />}
    </div>
  );
}
