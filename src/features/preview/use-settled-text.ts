// The preview's text to render: a short prompt follows every keystroke; a long one (a pasted
// chapter) only once typing pauses, because parsing its markdown takes longer than a keystroke
// and each keystroke in the form would otherwise wait for it (measured: 14 keys on a 100 KB
// prompt took 3 s).
import { useEffect, useState } from 'react';

/** Longer texts are rendered once typing pauses. */
export const LONG_TEXT = 20_000;
export const SETTLE_MS = 250;

export function useSettledText(text: string): string {
  const [settled, setSettled] = useState(text);
  const long = text.length > LONG_TEXT;
  useEffect(() => {
    if (!long) return;
    const timer = setTimeout(() => setSettled(text), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [long, text]);
  return long ? settled : text;
}
