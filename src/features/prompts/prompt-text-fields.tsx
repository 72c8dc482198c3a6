// The prompt's title and markdown details, autosaved as the writer types (no Save button).
// A refused save shows the field's message under it and leaves the typed text in place.
import { useCallback } from 'react';
import { KeptTextNotice } from '../../components/ui/kept-text-notice';
import { TextArea, TextField } from '../../components/ui/text-field';
import { updatePrompt } from '../../db/prompts-repository';
import { db } from '../../db/instance';
import type { Prompt } from '../../domain/entities';
import type { AutosavedText } from './use-autosaved-text';
import { useAutosavedText } from './use-autosaved-text';
import { messageFor } from './write-errors';

function fieldError(text: AutosavedText, field: string): string | null {
  return text.autosave.status === 'error' ? messageFor(text.autosave.error, field) : null;
}

export function usePromptTextFields(prompt: Prompt) {
  const id = prompt.id;
  const saveTitle = useCallback((title: string) => updatePrompt(db, id, { title }), [id]);
  const saveDetails = useCallback((details: string) => updatePrompt(db, id, { details }), [id]);
  const title = useAutosavedText(prompt.title, saveTitle, `unsaved-text:prompts:${id}:title`);
  const details = useAutosavedText(
    prompt.details,
    saveDetails,
    `unsaved-text:prompts:${id}:details`,
  );
  return { title, details };
}

/** Offers back text typed here earlier that could not be saved (use-autosaved-text.ts). */
function KeptText({ text, name }: { text: AutosavedText; name: string }) {
  return (
    <KeptTextNotice
      kept={text.kept}
      name={name}
      onRestore={text.restoreKept}
      onDiscard={text.discardKept}
    />
  );
}

export function PromptTitleField({ text }: { text: AutosavedText }) {
  return (
    <>
      <KeptText text={text} name="title" />
      <TextField
        label="Title"
        className="editor-title-input"
        value={text.draft}
        error={fieldError(text, 'title')}
        onChange={(event) => text.setDraft(event.target.value)}
        onBlur={() => void text.autosave.flush()}
      />
    </>
  );
}

export function PromptDetailsField({ text }: { text: AutosavedText }) {
  return (
    <>
      <KeptText text={text} name="details" />
      <TextArea
        label="Details"
        hint="Markdown. Use {{story.title}}, {{story.logline}}, {{story.genre}}, {{story.synopsis}} or your own {{variable}}; the preview fills them in."
        rows={14}
        value={text.draft}
        error={fieldError(text, 'details')}
        onChange={(event) => text.setDraft(event.target.value)}
        onBlur={() => void text.autosave.flush()}
      />
    </>
  );
}
