// Placeholder so routes compile while this screen is being built (replaced in this issue).
export function PromptEditorPage() {
  return <p>Loading…</p>;
}
