// Opening a chat at one message (a search hit, `?message=`): the list scrolls that message to
// the middle of the view, moves keyboard focus to it (a screen reader then reads it out) and
// highlights it for a moment. Once per navigation: scrolling away afterwards is the writer's.
import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { ChatMessages } from './use-chat-data';

export type ListTarget = NonNullable<ChatMessages['target']>;

/** How long the found message stays highlighted (chat.css fades it over the same time). */
const HIGHLIGHT_MS = 2_400;
/** Frames to wait for the virtualizer to render the message before giving up on focusing it. */
const FOCUS_FRAMES = 120;

/** The message's element, once the virtualizer renders its row. */
export function messageElement(list: HTMLElement | null, messageId: string): HTMLElement | null {
  return (
    list?.querySelector<HTMLElement>(
      `.chat-log__row[data-message-id="${CSS.escape(messageId)}"] > article`,
    ) ?? null
  );
}

/** Scrolls to, focuses and highlights the target; returns the id of the highlighted message. */
export function useTargetMessage(
  target: ListTarget | undefined,
  scrollRef: RefObject<HTMLDivElement | null>,
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  /** The list's "follow the end" flag: landing on an older message must not snap back down. */
  followEndRef: RefObject<boolean>,
): string | null {
  const shownKey = useRef<string | null>(null);
  const pending = useRef({ frame: 0, timer: 0 });
  const [highlighted, setHighlighted] = useState<string | null>(null);

  useEffect(() => {
    if (!target || target.index === null || shownKey.current === target.key) return;
    shownKey.current = target.key;
    followEndRef.current = false;
    virtualizer.scrollToIndex(target.index, { align: 'center' });
    const { messageId } = target;
    let frames = 0;
    const focusWhenRendered = () => {
      const element = messageElement(scrollRef.current, messageId);
      if (element) {
        // preventScroll: the virtualizer owns the scroll position while it settles on the row.
        element.focus({ preventScroll: true });
        setHighlighted(messageId);
        clearTimeout(pending.current.timer);
        pending.current.timer = window.setTimeout(() => setHighlighted(null), HIGHLIGHT_MS);
      } else if (++frames < FOCUS_FRAMES && scrollRef.current) {
        pending.current.frame = requestAnimationFrame(focusWhenRendered);
      }
    };
    cancelAnimationFrame(pending.current.frame);
    pending.current.frame = requestAnimationFrame(focusWhenRendered);
  }, [target, virtualizer, scrollRef, followEndRef]);

  useEffect(() => {
    const timers = pending.current;
    return () => {
      cancelAnimationFrame(timers.frame);
      clearTimeout(timers.timer);
    };
  }, []);

  return highlighted;
}
