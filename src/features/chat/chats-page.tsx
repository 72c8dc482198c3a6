// Routes /chats (every chat) and /stories/:storyId/chats (a story's chats): the history of
// chats with their titles, newest first, "New chat", and delete with undo.
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useParams } from 'react-router';
import { Button } from '../../components/ui/button';
import { useToast } from '../../components/ui/toast';
import { isRepeatClick } from '../../components/ui/repeat-click';
import { listAllChats, listStoryChats } from '../../db/chat-queries';
import { deleteChat, restoreChat } from '../../db/chats-repository';
import { db } from '../../db/instance';
import { getStory, listStories } from '../../db/queries';
import type { Chat, Persona } from '../../domain/entities';
import { describeError } from '../../lib/app-error';
import { findPersona } from './chat-persona';
import { useChatRuntime } from './use-chat-runtime';
import type { ChatPageProps } from './use-chat-runtime';
import { useCustomPersonas } from './use-chat-data';
import './chat.css';

function ChatRow({
  chat,
  storyTitle,
  custom,
}: {
  chat: Chat;
  storyTitle: string | null;
  custom: readonly Persona[];
}) {
  const toast = useToast();
  const remove = () =>
    deleteChat(db, chat.id).then(
      () =>
        toast.undoable(`Chat “${chat.title || 'Untitled chat'}” deleted`, () =>
          restoreChat(db, chat.id).then(() => undefined),
        ),
      (error: unknown) => toast.error(describeError(error)),
    );
  const persona = findPersona(chat.persona_id, custom)?.name;
  return (
    <li className="chat-list__item card">
      <Link to={`/chats/${chat.id}`} className="chat-list__title">
        {chat.title || 'Untitled chat'}
      </Link>
      <span className="muted chat-list__meta">
        {[storyTitle, persona, chat.model, new Date(chat.updated_at).toLocaleString()]
          .filter(Boolean)
          .join(' · ')}
      </span>
      <Button
        size="small"
        variant="ghost"
        onClick={(event) => {
          if (!isRepeatClick(event)) void remove();
        }}
        aria-label={`Delete chat ${chat.title || 'Untitled chat'}`}
      >
        Delete
      </Button>
    </li>
  );
}

export function ChatsPage({ getAccessToken }: ChatPageProps) {
  useChatRuntime(getAccessToken);
  const { storyId } = useParams();
  const chats = useLiveQuery(
    () => (storyId ? listStoryChats(db, storyId) : listAllChats(db)),
    [storyId],
  );
  const story = useLiveQuery(
    async () => (storyId ? ((await getStory(db, storyId)) ?? null) : null),
    [storyId],
  );
  const stories = useLiveQuery(() => listStories(db), []) ?? [];
  const custom = useCustomPersonas();
  const titleOf = (id: string | null) =>
    id ? (stories.find((s) => s.id === id)?.title ?? null) : null;
  const heading = story ? `Chats about ${story.title}` : 'Chats';
  return (
    <section className="chats-page stack" aria-labelledby="chats-heading">
      <title>{`${heading} · Story Prompts`}</title>
      <div className="row chat-panel-head">
        <h1 id="chats-heading">{heading}</h1>
        <Link
          className="ui-button ui-button--primary"
          to={storyId ? `/chats/new?story=${encodeURIComponent(storyId)}` : '/chats/new'}
        >
          New chat
        </Link>
      </div>
      {chats === undefined ? <p className="page-loading">Loading chats…</p> : null}
      {chats?.length === 0 ? (
        <p className="muted">
          No chats yet. Start one with “New chat”, or use “Send to chat” on a prompt’s preview.
        </p>
      ) : null}
      <ul className="chat-list">
        {chats?.map((chat) => (
          <ChatRow
            key={chat.id}
            chat={chat}
            storyTitle={storyId ? null : titleOf(chat.story_id)}
            custom={custom}
          />
        ))}
      </ul>
    </section>
  );
}
