// A control (checkbox, colour radio) that shows the writer's choice at once: the stored value
// takes over as soon as the live query brings it back, or again if the write fails.
import { useState } from 'react';

export function usePendingValue<T>(
  stored: T,
  save: (value: T) => Promise<unknown>,
): { value: T; set: (value: T) => void } {
  const [pending, setPending] = useState<{ value: T } | null>(null);
  const [seen, setSeen] = useState(stored);
  if (!Object.is(stored, seen)) {
    setSeen(stored);
    setPending(null);
  }
  const set = (value: T) => {
    setPending({ value });
    save(value).catch(() => setPending(null));
  };
  return { value: pending ? pending.value : stored, set };
}
