// Placeholder so routes compile while this screen is being built (replaced in this issue).
export function PromptPreviewPage() {
  return <p>Loading…</p>;
}
