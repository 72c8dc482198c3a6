// The composer: the writer's next message, an estimate of what sending costs ("~N tokens",
// counting the context that goes with it), Send (Ctrl/Cmd+Enter) and Stop while a reply
// streams. The text leaves the composer only once it is stored as a message. After a send the
// caret is back in the field (Send is disabled while sending, which would drop focus to the
// page), so a keyboard writer goes on with the next message. Ctrl+Enter while a reply still
// streams is not dropped: the message waits (saying so) and goes as soon as the reply ends.
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent, RefObject } from 'react';
import { Button } from '../../components/ui/button';
import { TextArea } from '../../components/ui/text-field';
import { describeError } from '../../lib/app-error';
import {
  estimateTextTokens,
  formatTokenEstimate,
  TOKENS_PER_MESSAGE,
} from '../../platform/chat-providers/token-estimate';
import { useDraft } from './use-chat-data';

export interface ComposerProps {
  draftKey: string;
  /** Estimated tokens of what goes with the new message (persona prompt and earlier turns). */
  contextTokens: number;
  streaming: boolean;
  online: boolean;
  /** Why sending is not possible right now (e.g. no model chosen), if so. */
  blocked: string | null;
  onSend: (text: string) => Promise<unknown>;
  onStop: () => void;
  /** Take focus when mounted: the first message of a new chat was just sent from a composer. */
  focusOnMount?: boolean;
  /** The message field, for the window to focus (an unsent message taken back to edit). */
  fieldRef?: RefObject<HTMLTextAreaElement | null>;
}

export function Composer({
  draftKey,
  contextTokens,
  streaming,
  online,
  blocked,
  onSend,
  onStop,
  focusOnMount = false,
  fieldRef,
}: ComposerProps) {
  const [text, setText] = useDraft(draftKey);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [sendWhenDone, setSendWhenDone] = useState(false);
  const ownField = useRef<HTMLTextAreaElement>(null);
  const field = fieldRef ?? ownField;
  useEffect(() => {
    if (focusOnMount) field.current?.focus();
  }, [focusOnMount, field]);
  const tokens = text.trim()
    ? contextTokens + estimateTextTokens(text) + TOKENS_PER_MESSAGE
    : contextTokens;

  const send = async () => {
    if (streaming) {
      if (text.trim()) setSendWhenDone(true);
      return;
    }
    setSendWhenDone(false);
    if (!text.trim() || saving || blocked) return;
    setSaving(true);
    try {
      await onSend(text);
      setText('');
      setError(null);
      field.current?.focus();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setSaving(false);
    }
  };
  // The reply ended (or was stopped): a message the writer sent meanwhile goes now.
  const sendWaiting = useEffectEvent(() => {
    if (sendWhenDone) void send();
  });
  useEffect(() => {
    if (streaming) return;
    const timer = setTimeout(sendWaiting, 0);
    return () => clearTimeout(timer);
  }, [streaming]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <form className="chat-composer" onSubmit={submit} aria-label="New message">
      <TextArea
        ref={field}
        label="Message"
        hideLabel
        rows={3}
        value={text}
        placeholder={
          online
            ? 'Write to the chat… (Ctrl+Enter to send)'
            : 'Offline: your message will be queued and sent when you are back online.'
        }
        error={error}
        onChange={(event) => {
          setText(event.target.value);
          // Emptying the field takes back a message that was waiting for the reply to end.
          if (!event.target.value.trim()) setSendWhenDone(false);
        }}
        onKeyDown={onKeyDown}
      />
      <div className="chat-composer__bar row">
        <span className="chat-composer__tokens">
          {formatTokenEstimate(tokens)} {text.trim() ? 'with this message' : 'of context'}
        </span>
        {blocked ? <span className="chat-composer__blocked">{blocked}</span> : null}
        {sendWhenDone && streaming ? (
          <span role="status" className="chat-composer__waiting">
            Sends when the reply ends
          </span>
        ) : null}
        {streaming ? (
          <Button variant="danger" onClick={onStop}>
            Stop
          </Button>
        ) : (
          <Button
            type="submit"
            variant="primary"
            disabled={!text.trim() || saving || blocked !== null}
          >
            {online ? 'Send' : 'Queue'}
          </Button>
        )}
      </div>
    </form>
  );
}
