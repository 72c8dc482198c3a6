// The settings page (/settings): device-local settings, one card per section.
import { SETTINGS_SECTIONS } from './settings-sections';

export function SettingsPage() {
  return (
    <section className="settings-page stack" aria-labelledby="settings-heading">
      <title>Settings · Story Prompts</title>
      <div>
        <h1 id="settings-heading">Settings</h1>
        <p className="muted">These settings belong to this device and are never synced.</p>
      </div>
      {SETTINGS_SECTIONS.map(({ id, title, Component }) => (
        <section key={id} className="card stack-tight" aria-labelledby={`settings-${id}`}>
          <h2 id={`settings-${id}`}>{title}</h2>
          <Component />
        </section>
      ))}
    </section>
  );
}
