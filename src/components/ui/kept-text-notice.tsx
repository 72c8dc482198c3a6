// Offers back a text typed in a field earlier that could not be saved and was kept in this
// browser (platform/use-kept-text.ts): the writer puts it back in the field or discards it.
import type { ReactNode } from 'react';
import { Button } from './button';
import { Notice } from './notice';

const PREVIEW_LENGTH = 120;

export function KeptTextNotice({
  kept,
  name,
  onRestore,
  onDiscard,
  message,
}: {
  kept: string | null;
  /** The field's name in a sentence, e.g. "title". */
  name: string;
  /** Said instead of the refused text, for edits never saved or holding a secret (an API key). */
  message?: ReactNode;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  if (kept === null) return null;
  return (
    <Notice
      tone="warning"
      actions={
        <>
          <Button onClick={onRestore}>Put it back</Button>
          <Button variant="ghost" onClick={onDiscard}>
            Discard
          </Button>
        </>
      }
    >
      {message ?? (
        <>
          The {name} you typed here before could not be saved; it was kept in this browser: “
          {kept.length > PREVIEW_LENGTH ? `${kept.slice(0, PREVIEW_LENGTH)}…` : kept}”
        </>
      )}
    </Notice>
  );
}
