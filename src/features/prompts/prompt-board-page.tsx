// Placeholder so routes compile while this screen is being built (replaced in this issue).
export function PromptBoardPage() {
  return <p>Loading…</p>;
}
