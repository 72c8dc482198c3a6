// Offers back a text typed in a field earlier that could not be saved and was kept in this
// browser (platform/use-kept-text.ts): the writer puts it back in the field or discards it.
import { Button } from './button';
import { Notice } from './notice';

const PREVIEW_LENGTH = 120;

export function KeptTextNotice({
  kept,
  name,
  onRestore,
  onDiscard,
}: {
  kept: string | null;
  /** The field's name in a sentence, e.g. "title". */
  name: string;
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
      The {name} you typed here before could not be saved; it was kept in this browser: “
      {kept.length > PREVIEW_LENGTH ? `${kept.slice(0, PREVIEW_LENGTH)}…` : kept}”
    </Notice>
  );
}
