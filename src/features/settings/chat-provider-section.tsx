// Settings › Chat provider: the app's own chat service (default) or bring your own key (an
// OpenAI-compatible base URL + API key + optional default model). Everything here stays in
// this browser's local settings: never synced, and the key is never sent to our server (BYOK
// calls go straight from the browser to the provider). "Test connection" says what is wrong.
// Edits not yet saved are kept beside the saved key (use-settings-draft.ts) and offered back.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useId, useRef, useState } from 'react';
import type { FormEvent, RefObject } from 'react';
import { Button } from '../../components/ui/button';
import { Notice } from '../../components/ui/notice';
import { TextField } from '../../components/ui/text-field';
import { db } from '../../db/instance';
import { describeError } from '../../lib/app-error';
import { isConnectAllowed, pageOrigin } from '../../lib/connect-sources';
import type { ConnectionResult } from '../../platform/chat-providers/chat-provider';
import type { LocalTexts } from '../../platform/local-texts';
import {
  chatProviderSettingsFrom,
  checkBaseUrl,
  modelCacheKey,
  providerFor,
  readChatProviderSettings,
  writeCachedModels,
  writeChatProviderSettings,
} from '../../platform/chat-providers/provider-settings';
import type { ChatProviderSettings } from '../../platform/chat-providers/provider-settings';
import { CHAT_PROVIDER_DRAFT_KEY, useSettingsDraftTexts } from './settings-draft-texts';
import { SettingsDraftNotices } from './settings-draft-notices';
import { parseKeptSettings, useSettingsDraft } from './use-settings-draft';

function ProviderChoice({
  draft,
  onChange,
}: {
  draft: ChatProviderSettings;
  onChange: (next: ChatProviderSettings) => void;
}) {
  const name = useId();
  return (
    <fieldset className="stack-tight">
      <legend>Where chats are answered</legend>
      <label>
        <input
          type="radio"
          name={name}
          checked={draft.kind === 'app-server'}
          onChange={() => onChange({ ...draft, kind: 'app-server' })}
        />{' '}
        The app’s chat service
      </label>
      <label>
        <input
          type="radio"
          name={name}
          checked={draft.kind === 'byok'}
          onChange={() => onChange({ ...draft, kind: 'byok' })}
        />{' '}
        My own key (OpenAI-compatible)
      </label>
    </fieldset>
  );
}

/**
 * What own-key chats lack, per field (null when fine): without a base URL and an API key the
 * provider cannot answer (local servers such as Ollama accept any key, but one must be sent).
 */
function byokProblems(draft: ChatProviderSettings): {
  baseUrl: string | null;
  apiKey: string | null;
} {
  return {
    baseUrl: draft.byokBaseUrl.trim()
      ? (checkBaseUrl(draft.byokBaseUrl) ?? blockedHost(draft.byokBaseUrl))
      : 'Enter the base URL, for example https://api.openai.com/v1',
    apiKey: draft.byokApiKey.trim()
      ? null
      : 'Enter the API key from your provider (any text for a local server such as Ollama).',
  };
}

/** Why the browser would refuse to call this (valid) base URL, or null when it may. */
function blockedHost(url: string): string | null {
  if (isConnectAllowed(url, pageOrigin())) return null;
  return `This app can only reach api.openai.com, openrouter.ai and servers on this computer (localhost): ${new URL(url.trim()).host} is blocked by the app’s security policy.`;
}

function ByokFields({
  draft,
  onChange,
  showMissing,
  baseUrlField,
  apiKeyField,
}: {
  draft: ChatProviderSettings;
  onChange: (next: ChatProviderSettings) => void;
  /** Also say what is empty (after Save or Test), not only what is wrong as typed. */
  showMissing: boolean;
  baseUrlField: RefObject<HTMLInputElement | null>;
  apiKeyField: RefObject<HTMLInputElement | null>;
}) {
  const problems = byokProblems(draft);
  return (
    <>
      <TextField
        ref={baseUrlField}
        label="Base URL"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        value={draft.byokBaseUrl}
        error={showMissing || draft.byokBaseUrl.trim() ? problems.baseUrl : null}
        hint="For example https://api.openai.com/v1, https://openrouter.ai/api/v1 or http://localhost:11434/v1 (Ollama)."
        onChange={(event) => onChange({ ...draft, byokBaseUrl: event.target.value })}
      />
      <TextField
        ref={apiKeyField}
        label="API key"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={draft.byokApiKey}
        error={showMissing ? problems.apiKey : null}
        hint="Kept in this browser only: never synced, never sent to the app’s server."
        onChange={(event) => onChange({ ...draft, byokApiKey: event.target.value })}
      />
      <TextField
        label="Default model (optional)"
        autoComplete="off"
        spellCheck={false}
        value={draft.byokDefaultModel}
        placeholder="gpt-4o-mini"
        onChange={(event) => onChange({ ...draft, byokDefaultModel: event.target.value })}
      />
    </>
  );
}

const parseKept = (text: string) => parseKeptSettings(text, chatProviderSettingsFrom);

function ChatProviderForm({ saved, texts }: { saved: ChatProviderSettings; texts: LocalTexts }) {
  const write = useCallback(
    (value: ChatProviderSettings) => writeChatProviderSettings(db.settings, value),
    [],
  );
  const kept = useSettingsDraft(saved, {
    keepKey: CHAT_PROVIDER_DRAFT_KEY,
    texts,
    parse: parseKept,
    write,
  });
  const { draft, setDraft } = kept;
  const [status, setStatus] = useState<string | null>(null);
  const [check, setCheck] = useState<ConnectionResult | null>(null);
  const [testing, setTesting] = useState(false);
  const [showMissing, setShowMissing] = useState(false);
  const baseUrlField = useRef<HTMLInputElement>(null);
  const apiKeyField = useRef<HTMLInputElement>(null);

  /** True when own-key settings lack something: each field then says what, and the first gets focus. */
  const incomplete = (): boolean => {
    if (draft.kind !== 'byok') return false;
    const problems = byokProblems(draft);
    if (!problems.baseUrl && !problems.apiKey) return false;
    setShowMissing(true);
    (problems.baseUrl ? baseUrlField : apiKeyField).current?.focus();
    return true;
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (incomplete()) {
      setStatus(null); // an earlier "Saved." would say the opposite of what just happened
      return;
    }
    try {
      await kept.save();
      setStatus(
        draft.kind === 'byok'
          ? 'Saved. Chats now go straight from this browser to your provider.'
          : 'Saved. Chats use the app’s chat service.',
      );
    } catch (error) {
      setStatus(`Not saved: ${describeError(error)}`);
    }
  };
  const test = async () => {
    if (incomplete()) return;
    setTesting(true);
    const result = await providerFor(draft).testConnection(AbortSignal.timeout(15_000));
    if (result.ok && result.models)
      await writeCachedModels(db.settings, modelCacheKey(draft), result.models).catch(() => {});
    setCheck(result);
    setTesting(false);
  };

  return (
    <form className="stack-tight" aria-label="Chat provider" onSubmit={(event) => void save(event)}>
      <SettingsDraftNotices draft={kept} name="chat provider settings" />
      <ProviderChoice draft={draft} onChange={setDraft} />
      {draft.kind === 'byok' ? (
        <ByokFields
          draft={draft}
          onChange={setDraft}
          showMissing={showMissing}
          baseUrlField={baseUrlField}
          apiKeyField={apiKeyField}
        />
      ) : null}
      <div className="row">
        {/* Never greyed out for a missing field: pressing them says what is missing. */}
        {/* The hidden words tell this form's buttons from the other form's, for screen readers
            and voice control (whose names start with what is shown). */}
        <Button type="submit" variant="primary">
          Save<span className="sr-only"> chat provider</span>
        </Button>
        <Button onClick={() => void test()} disabled={testing}>
          {testing ? 'Testing…' : 'Test connection'}
          <span className="sr-only"> to the chat provider</span>
        </Button>
      </div>
      {status ? <p role="status">{status}</p> : null}
      {check ? <Notice tone={check.ok ? 'success' : 'error'}>{check.message}</Notice> : null}
    </form>
  );
}

export function ChatProviderSection() {
  const saved = useLiveQuery(() => readChatProviderSettings(db.settings), []);
  const texts = useSettingsDraftTexts();
  return (
    <div className="stack-tight">
      <p className="muted">
        Chats are answered by the app’s own service, or by any OpenAI-compatible provider with your
        own key.
      </p>
      {saved && texts ? (
        <ChatProviderForm saved={saved} texts={texts} />
      ) : (
        <p className="page-loading">Loading…</p>
      )}
    </div>
  );
}
