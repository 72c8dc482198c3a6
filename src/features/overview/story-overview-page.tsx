export function StoryOverviewPage() {
  return <h1>Overview</h1>;
}
