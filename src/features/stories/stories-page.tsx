export function StoriesPage() {
  return <h1>Your stories</h1>;
}
