// Sizes a screen that should fit the viewport (the chat: head, scrolling log, composer) to the
// space left below where it starts, as the CSS custom property `--fill-height`. A fixed
// `100dvh - N rem` cannot know what sits above it: the header wraps on a phone, banners come
// and go (storage warnings), and on a 390 px phone the guess pushed the composer below the
// fold. Measured at the page's top (document coordinates), so scrolling changes nothing;
// measured again when the window or the page above it changes size.
import { useLayoutEffect } from 'react';
import type { RefObject } from 'react';

/** Room kept under the element, in px. */
const BOTTOM_GAP = 12;

export function useFillViewport(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const fit = () => {
      const top = element.getBoundingClientRect().top + window.scrollY;
      const height = Math.max(0, Math.floor(window.innerHeight - top - BOTTOM_GAP));
      element.style.setProperty('--fill-height', `${height}px`);
    };
    fit();
    // The body changes size when something above appears or goes (a banner, a wrapped header).
    const observer = new ResizeObserver(fit);
    observer.observe(document.body);
    window.addEventListener('resize', fit);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', fit);
    };
  }, [ref]);
}
