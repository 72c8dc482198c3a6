// Seed `ChatWindow`: one chat with its persona and model, the conversation, and the composer.
// With `chat` null it is a new chat (e.g. from a prompt's "Send to chat"): the writer picks
// persona and model first, and the chat row is created with the first message.
import { useCallback, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { InlineEditableText } from '../../components/ui/inline-editable-text';
import { Notice } from '../../components/ui/notice';
import { useToast } from '../../components/ui/toast';
import { useFillViewport } from '../../components/ui/use-fill-viewport';
import { renameChat, setChatModel, setChatPersona } from '../../db/chats-repository';
import { db } from '../../db/instance';
import { cancelUnsentMessage } from '../../db/messages-repository';
import type { Chat, Message, Persona } from '../../domain/entities';
import { describeError } from '../../lib/app-error';
import { defaultModel } from '../../platform/chat-providers/provider-settings';
import { estimateChatTokens } from '../../platform/chat-providers/token-estimate';
import { useOnlineStatus } from '../../platform/online-status';
import { findPersona } from './chat-persona';
import {
  regenerateReply,
  retryMessage,
  sendUserMessage,
  startChat,
  stopReply,
} from './chat-session';
import { contextTurns, fittingTurns } from './chat-turn';
import { Composer } from './composer';
import { MessageList } from './message-list';
import type { MessageActions } from './message-item';
import { ModelSelector } from './model-selector';
import { PersonaSelector } from './persona-selector';
import { draftStore } from './composer-drafts';
import { streamingStore } from './streaming-store';
import type { ChatMessages } from './use-chat-data';
import { useCustomPersonas, useLiveState, useModels, useProviderSettings } from './use-chat-data';

export interface ChatWindowProps {
  chat: Chat | null;
  /** The story a new chat belongs to. */
  storyId: string | null;
  /** Draft key of the composer (a new chat's draft survives until it is sent). */
  draftKey: string;
  onCreated?: (chat: Chat) => void;
  /**
   * The chat's messages, read by the page at the same time as the chat row (not after it:
   * B18); undefined while they load.
   */
  loaded: ChatMessages | undefined;
  /** Put the caret in the composer when the window opens (after a new chat's first send). */
  focusComposer?: boolean;
}

const NO_MESSAGES: Message[] = [];

function useContextTokens(messages: readonly Message[], persona: Persona | undefined): number {
  return useMemo(() => {
    const turns = fittingTurns(contextTurns(messages, ''));
    return estimateChatTokens(
      persona?.system_prompt ? [{ content: persona.system_prompt }, ...turns] : turns,
    );
  }, [messages, persona]);
}

export function ChatWindow({
  chat,
  storyId,
  draftKey,
  onCreated,
  loaded,
  focusComposer = false,
}: ChatWindowProps) {
  const toast = useToast();
  const windowRef = useRef<HTMLElement>(null);
  useFillViewport(windowRef);
  const online = useOnlineStatus();
  const settings = useProviderSettings();
  const modelList = useModels(settings);
  const custom = useCustomPersonas();
  const messages = loaded?.messages ?? NO_MESSAGES;
  const live = useLiveState(chat?.id ?? draftKey);
  const [pending, setPending] = useState<{ model: string; personaId: string | null }>({
    model: '',
    personaId: null,
  });
  const personaId = chat ? chat.persona_id : pending.personaId;
  const persona = findPersona(personaId, custom);
  const model = chat
    ? chat.model
    : pending.model ||
      (settings ? defaultModel(settings, persona?.default_model ?? '', modelList.models) : '');
  const contextTokens = useContextTokens(messages, persona);
  const [dismissedTarget, setDismissedTarget] = useState<string | null>(null);
  const missingTarget =
    loaded?.target?.index === null && loaded.target.key !== dismissedTarget ? loaded.target : null;
  const streaming = live.answering !== null;
  const fail = useCallback((error: unknown) => toast.error(describeError(error)), [toast]);
  const composerField = useRef<HTMLTextAreaElement>(null);

  const chooseModel = (next: string) =>
    chat
      ? void setChatModel(db, chat.id, next).catch(fail)
      : setPending((p) => ({ ...p, model: next }));
  const choosePersona = (id: string | null, chosen: Persona | undefined) => {
    const personaModel = chosen?.default_model.trim() ?? '';
    // A new chat keeps only a model someone chose: the persona's, or the writer's. The default
    // shown meanwhile (the provider's first model) is not pinned, so a persona picked before
    // the model list arrived does not leave the chat on the fallback model.
    if (!chat) return setPending((p) => ({ personaId: id, model: personaModel || p.model }));
    const nextModel = personaModel || model;
    void setChatPersona(db, chat.id, id)
      .then(() => (nextModel !== chat.model ? setChatModel(db, chat.id, nextModel) : undefined))
      .catch(fail);
  };

  const send = async (text: string) => {
    if (chat) return void (await sendUserMessage(chat, text));
    onCreated?.(await startChat({ story_id: storyId, model, persona_id: personaId }, text));
  };

  const actions = useMemo<MessageActions>(
    () => ({
      retry: (message) => void retryMessage(message).catch(fail),
      cancel: (message) =>
        void cancelUnsentMessage(db, message.id)
          .then((text) => {
            draftStore.set(
              draftKey,
              draftStore.get(draftKey) ? `${draftStore.get(draftKey)}\n\n${text}` : text,
            );
            // The message (and its focused button) is gone; the text waits in the composer.
            composerField.current?.focus();
          })
          .catch(fail),
      regenerate: (message) => void regenerateReply(message).catch(fail),
    }),
    [fail, draftKey],
  );
  const speakerFor = useCallback(
    (message: Message) =>
      message.role === 'user'
        ? 'You'
        : (findPersona(message.persona_id, custom)?.name ?? 'Assistant'),
    [custom],
  );

  const blocked = !model.trim()
    ? 'Choose a model first.'
    : settings?.kind === 'byok' && !settings.byokApiKey
      ? 'Add your API key in Settings › Chat provider.'
      : null;
  return (
    <section className="chat-window" aria-label="Chat" ref={windowRef}>
      <header className="chat-window__head">
        {chat ? (
          // The page's heading (as for a new chat), editable in place.
          <h1 className="chat-window__title">
            <InlineEditableText
              value={chat.title || 'Untitled chat'}
              label="Chat title"
              variant="heading"
              maxLength={200}
              onCommit={(title) => renameChat(db, chat.id, title)}
            />
          </h1>
        ) : (
          <h1 className="chat-window__title">New chat</h1>
        )}
        <div className="chat-window__choices row">
          <PersonaSelector value={personaId} custom={custom} onChange={choosePersona} />
          <ModelSelector value={model} onChange={chooseModel} list={modelList} />
        </div>
        {settings?.kind === 'byok' ? (
          <p className="muted chat-window__provider">
            Using your own key ({settings.byokBaseUrl}). <Link to="/settings">Change</Link>
          </p>
        ) : null}
      </header>
      {!online ? (
        <Notice tone="warning">
          You are offline. Chats stay readable; new messages are queued and sent when you are back
          online.
        </Notice>
      ) : null}
      {live.error ? (
        <Notice
          tone="error"
          dismissLabel="Dismiss the error"
          onDismiss={() => streamingStore.clearError(chat?.id ?? draftKey)}
        >
          {live.error}
        </Notice>
      ) : null}
      {missingTarget ? (
        // Not blocking: the chat opens at its end as usual, with a word on why.
        <Notice
          tone="info"
          dismissLabel="Dismiss the notice"
          onDismiss={() => setDismissedTarget(missingTarget.key)}
        >
          That message is no longer in this chat.
        </Notice>
      ) : null}
      {loaded === undefined ? (
        // The list mounts once the newest messages are read, so it opens at the end in one pass
        // (B18); older ones are read as the writer scrolls up.
        <p className="chat-log page-loading">Loading messages…</p>
      ) : (
        <MessageList
          chatId={chat?.id ?? draftKey}
          messages={messages}
          hasOlder={loaded.hasOlder}
          onNeedOlder={loaded.loadOlder}
          target={loaded.target}
          storyId={chat?.story_id ?? storyId}
          speakerFor={speakerFor}
          replySpeaker={persona?.name ?? 'Assistant'}
          actions={actions}
        />
      )}
      <Composer
        draftKey={draftKey}
        contextTokens={contextTokens}
        streaming={streaming}
        online={online}
        blocked={blocked}
        onSend={send}
        onStop={() => chat && stopReply(chat.id)}
        focusOnMount={focusComposer}
        fieldRef={composerField}
      />
    </section>
  );
}
