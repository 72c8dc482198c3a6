import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section className="stack">
      <title>Page not found · Story Prompts</title>
      <h1>Page not found</h1>
      <p className="muted">
        There is nothing at this address. Your stories are safe on this device.
      </p>
      <p>
        <Link to="/">Go to your stories</Link>
      </p>
    </section>
  );
}
