// One message: its text (markdown for replies, plain for the writer's own), its status, and
// what can be done with it. Memoized: a streaming reply re-renders only itself.
import { memo, useState } from 'react';
import { Button } from '../../components/ui/button';
import type { Message } from '../../domain/entities';
import { ChatMarkdown } from './chat-markdown';
import { ReplyActionsPanel } from './reply-actions-panel';
import type { ReplyAction } from './reply-actions-panel';

export interface MessageActions {
  retry: (message: Message) => void;
  /** Takes an unsent message back into the composer. */
  cancel: (message: Message) => void;
  regenerate: (message: Message) => void;
}

export interface MessageItemProps {
  message: Message;
  speaker: string;
  storyId: string | null;
  busy: boolean;
  actions: MessageActions;
  /** The message the chat was opened at: it can take focus (a screen reader reads it out). */
  isTarget?: boolean;
  /** Shown for a moment when the chat opens at it. */
  highlighted?: boolean;
}

function CopyReply({ text }: { text: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  return (
    <>
      <Button size="small" variant="ghost" onClick={() => void copy()}>
        Copy
      </Button>
      <span role="status" className="chat-message__copied">
        {state === 'copied'
          ? 'Copied'
          : state === 'failed'
            ? 'Could not copy: select the text instead.'
            : ''}
      </span>
    </>
  );
}

function UserStatus({ message, actions }: { message: Message; actions: MessageActions }) {
  if (message.status === 'queued')
    return (
      <p className="chat-message__status chat-message__status--queued">
        Queued — will send when online
        <Button size="small" variant="ghost" onClick={() => actions.cancel(message)}>
          Cancel
        </Button>
      </p>
    );
  if (message.status === 'sending') return <p className="chat-message__status">Sending…</p>;
  if (message.status === 'error')
    return (
      <p className="chat-message__status chat-message__status--error">
        Not sent.
        <Button size="small" variant="ghost" onClick={() => actions.retry(message)}>
          Retry
        </Button>
        <Button size="small" variant="ghost" onClick={() => actions.cancel(message)}>
          Edit
        </Button>
      </p>
    );
  return null;
}

export const MessageItem = memo(function MessageItem({
  message,
  speaker,
  storyId,
  busy,
  actions,
  isTarget = false,
  highlighted = false,
}: MessageItemProps) {
  const [panel, setPanel] = useState<ReplyAction | null>(null);
  const reply = message.role === 'assistant';
  return (
    <article
      className={`chat-message chat-message--${message.role}${highlighted ? ' chat-message--found' : ''}`}
      aria-label={`${speaker} said`}
      tabIndex={isTarget ? -1 : undefined}
    >
      <p className="chat-message__speaker">{speaker}</p>
      {reply ? (
        <ChatMarkdown markdown={message.content} />
      ) : (
        <p className="chat-message__text">{message.content}</p>
      )}
      {reply ? (
        <>
          {message.status === 'error' ? (
            <p className="chat-message__status chat-message__status--error">
              The reply was cut off: what arrived is kept.
            </p>
          ) : null}
          <div className="chat-message__actions row">
            <CopyReply text={message.content} />
            <Button
              size="small"
              variant="ghost"
              onClick={() => setPanel(panel === 'prompt' ? null : 'prompt')}
              aria-expanded={panel === 'prompt'}
            >
              Save as prompt
            </Button>
            <Button
              size="small"
              variant="ghost"
              onClick={() => setPanel(panel === 'steps' ? null : 'steps')}
              aria-expanded={panel === 'steps'}
            >
              Add as action steps
            </Button>
            <Button
              size="small"
              variant="ghost"
              disabled={busy}
              onClick={() => actions.regenerate(message)}
            >
              Regenerate
            </Button>
          </div>
          {panel ? (
            <ReplyActionsPanel
              action={panel}
              content={message.content}
              defaultStoryId={storyId}
              onClose={() => setPanel(null)}
            />
          ) : null}
        </>
      ) : (
        <UserStatus message={message} actions={actions} />
      )}
    </article>
  );
});
