// The account screen (/account). Accounts are optional: without a sync server the app is
// local-only and this page says so. Signed out it offers sign-in, sign-up and a magic link;
// signed in it shows the account and sign-out. A sign-in as a different account than the one
// owning this device's data stops at a question (see ReplaceDataQuestion).
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../components/ui/button';
import { Notice } from '../../components/ui/notice';
import { db } from '../../db/instance';
import { countRowsWaitingToUpload } from '../../db/queries';
import { changesText } from '../../domain/rows-waiting';
import type { AccountService, SignInResult } from './account-service';
import { ReplaceDataQuestion } from './replace-data-question';
import { SignInForm } from './sign-in-form';
import { useAccountSnapshot, useActionRunner } from './use-account';

export interface AccountPageProps {
  /** Null while the sync runtime is still loading. */
  service: AccountService | null;
}

function LocalOnly() {
  return (
    <div className="card stack-tight">
      <h2>This device keeps everything locally</h2>
      <p>
        Your stories and prompts are saved on this device. To sync them between devices, add a sync
        server (Supabase URL and anon key) in <Link to="/settings">Settings</Link>, then sign in
        here.
      </p>
    </div>
  );
}

// Signing out with changes still in the outbox keeps them here, but not yet on the account:
// the writer should know before leaving this device.
function notUploadedYet(pending: number | null, email: string): string {
  if (!pending) return '';
  const changes = `${changesText(pending)} ${pending === 1 ? 'is' : 'are'}`;
  const wait = pending === 1 ? 'it waits' : 'they wait';
  return ` ${changes} not uploaded yet: signed out, ${wait} here until you sign in again as ${email}.`;
}

function resultNotice(result: SignInResult | null): string | null {
  if (result?.kind === 'check-email')
    return 'Account created. Confirm your address with the link we e-mailed you, then sign in.';
  return null;
}

function AccountScreen({ service }: { service: AccountService }) {
  const account = useAccountSnapshot(service);
  const runner = useActionRunner();
  const [lastResult, setLastResult] = useState<SignInResult | null>(null);
  const pendingChanges = useLiveQuery(() => countRowsWaitingToUpload(db), [], null);

  if (!account.configured) return <LocalOnly />;
  if (account.pendingReplace) {
    return (
      <>
        <ReplaceDataQuestion
          pending={account.pendingReplace}
          pendingChanges={pendingChanges}
          busy={runner.busy}
          onReplace={() => void runner.run(() => service.confirmReplace())}
          onCancel={() => void runner.run(() => service.cancelReplace())}
        />
        {runner.error ? <Notice tone="error">{runner.error}</Notice> : null}
      </>
    );
  }
  if (account.user) {
    return (
      <div className="card stack-tight">
        <p>
          Signed in as <strong data-testid="account-email">{account.user.email}</strong>. This
          device syncs with your account.
        </p>
        <p className="muted">
          Signing out stops syncing; everything stays on this device.
          {notUploadedYet(pendingChanges, account.user.email)}
        </p>
        {runner.error ? <Notice tone="error">{runner.error}</Notice> : null}
        <div className="row">
          <Button onClick={() => void runner.run(() => service.signOut())} disabled={runner.busy}>
            Sign out
          </Button>
        </div>
      </div>
    );
  }
  const notice = resultNotice(lastResult);
  return (
    <>
      {account.sessionExpired ? (
        <Notice tone="warning" title="Your session has expired">
          Sign in again to keep syncing. Everything you wrote meanwhile is saved on this device and
          syncs once you are signed in.
        </Notice>
      ) : null}
      {notice ? <Notice tone="info">{notice}</Notice> : null}
      <SignInForm
        service={service}
        magicLink={account.magicLink}
        runner={runner}
        onResult={setLastResult}
      />
    </>
  );
}

export function AccountPage({ service }: AccountPageProps) {
  return (
    <section className="account-page stack" aria-labelledby="account-heading">
      <title>Account · Story Prompts</title>
      <div>
        <h1 id="account-heading">Account</h1>
        <p className="muted">An account is optional: it keeps your devices in sync.</p>
      </div>
      {service ? <AccountScreen service={service} /> : <p className="page-loading">Loading…</p>}
    </section>
  );
}
