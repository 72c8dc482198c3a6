// The conversation, virtualized (@tanstack/react-virtual): only the messages in view exist in
// the DOM, and only the newest messages are read when a chat opens, so a 2,000-message chat
// opens as fast as a short one (B18). It opens scrolled to the end and follows a streaming
// reply while the writer is at the bottom; scrolling up to read stops the following until they
// come back down, and asks for older messages before the top is reached. When they arrive
// above, the scroll position moves by their height so the text being read stays put. Opened at
// one message (a search hit), it starts there instead (use-target-message.ts).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { Message } from '../../domain/entities';
import { StreamingMarkdown } from './chat-markdown';
import { MessageItem } from './message-item';
import type { MessageActions } from './message-item';
import { useLiveState } from './use-chat-data';
import { useTargetMessage } from './use-target-message';
import type { ListTarget } from './use-target-message';

const ESTIMATED_MESSAGE_HEIGHT = 140;
const NEAR_BOTTOM_PX = 120;
/** Older messages are asked for when less than this much of the loaded ones is above the view. */
const LOAD_OLDER_PX = 1_500;

export interface MessageListProps {
  chatId: string;
  messages: readonly Message[];
  /** More messages exist above the loaded ones. */
  hasOlder: boolean;
  onNeedOlder: () => void;
  /** The message to open at, once looked up (index null: not in this chat, open at the end). */
  target?: ListTarget;
  storyId: string | null;
  speakerFor: (message: Message) => string;
  replySpeaker: string;
  actions: MessageActions;
}

function StreamingReply({
  chatId,
  speaker,
  onGrow,
}: {
  chatId: string;
  speaker: string;
  onGrow: () => void;
}) {
  const live = useLiveState(chatId);
  useLayoutEffect(onGrow, [live.content, onGrow]);
  return (
    <article
      className="chat-message chat-message--assistant chat-message--streaming"
      aria-label={`${speaker} is replying`}
      aria-busy="true"
    >
      <p className="chat-message__speaker">{speaker}</p>
      {live.content ? (
        <StreamingMarkdown text={live.content} />
      ) : (
        <p className="chat-message__status">Thinking…</p>
      )}
    </article>
  );
}

export function MessageList({
  chatId,
  messages,
  hasOlder,
  onNeedOlder,
  target,
  storyId,
  speakerFor,
  replySpeaker,
  actions,
}: MessageListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const targetIndex = target?.index ?? null;
  const stuck = useRef(targetIndex === null);
  const live = useLiveState(chatId);
  const streaming = live.answering !== null;
  const count = messages.length + (streaming ? 1 : 0);
  // The compiler cannot memoize around useVirtualizer; this component does not rely on it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_MESSAGE_HEIGHT,
    overscan: 4,
    getItemKey: (index) => messages[index]?.id ?? 'streaming',
    // It opens at the end (or at its target): start there, so the first pass lays out those
    // rows, not the oldest.
    initialOffset: () => (targetIndex ?? count) * ESTIMATED_MESSAGE_HEIGHT,
  });
  // Before "open at the end" below: landing on a target turns following the end off first.
  const highlighted = useTargetMessage(target, scrollRef, virtualizer, stuck);

  const followEnd = useCallback(() => {
    const element = scrollRef.current;
    if (element && stuck.current) element.scrollTop = element.scrollHeight;
  }, []);

  // Open at the end, and stay there as messages arrive while the writer is at the bottom.
  useEffect(() => {
    if (count > 0 && stuck.current) virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [count, virtualizer]);

  // Older messages arrived above the ones on screen: move down by their (estimated) height.
  // Rows measured later as they scroll into view are corrected by the virtualizer itself.
  const firstId = messages[0]?.id;
  const previousFirstId = useRef(firstId);
  useLayoutEffect(() => {
    const before = previousFirstId.current;
    previousFirstId.current = firstId;
    const element = scrollRef.current;
    if (!element || before === undefined || before === firstId) return;
    const index = messages.findIndex((message) => message.id === before);
    if (index > 0) element.scrollTop += virtualizer.measurementsCache[index]?.start ?? 0;
  }, [firstId, messages, virtualizer]);

  // A window too short to scroll never fires a scroll event: ask for more right away.
  useEffect(() => {
    const element = scrollRef.current;
    if (hasOlder && element && element.scrollHeight <= element.clientHeight) onNeedOlder();
  }, [hasOlder, onNeedOlder, messages]);

  const onScroll = () => {
    const element = scrollRef.current;
    if (!element) return;
    stuck.current =
      element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
    if (hasOlder && element.scrollTop < LOAD_OLDER_PX) onNeedOlder();
  };

  return (
    <div
      ref={scrollRef}
      className="chat-log"
      role="log"
      aria-label="Messages"
      tabIndex={0}
      onScroll={onScroll}
    >
      {count === 0 ? (
        <p className="chat-log__empty muted">No messages yet. Write the first one below.</p>
      ) : null}
      <div className="chat-log__inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const message = messages[item.index];
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              data-message-id={message?.id}
              className="chat-log__row"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {message ? (
                <MessageItem
                  message={message}
                  speaker={speakerFor(message)}
                  storyId={storyId}
                  busy={streaming}
                  actions={actions}
                  isTarget={message.id === target?.messageId}
                  highlighted={message.id === highlighted}
                />
              ) : (
                <StreamingReply chatId={chatId} speaker={replySpeaker} onGrow={followEnd} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
