// Sign in or create an account with e-mail and password, or ask for a magic link (when the
// server sends e-mail). Every failure shows the server's own reason under the form.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '../../components/ui/button';
import { Notice } from '../../components/ui/notice';
import { TextField } from '../../components/ui/text-field';
import type { AccountService, AccountSnapshot, SignInResult } from './account-service';
import type { ActionRunner } from './use-account';

export interface SignInFormProps {
  service: AccountService;
  magicLink: AccountSnapshot['magicLink'];
  runner: ActionRunner;
  onResult: (result: SignInResult) => void;
}

type Mode = 'sign-in' | 'sign-up';

export function SignInForm({ service, magicLink, runner, onResult }: SignInFormProps) {
  const [mode, setMode] = useState<Mode>('sign-in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [linkSentTo, setLinkSentTo] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    const result = await runner.run(() =>
      mode === 'sign-in' ? service.signIn(address, password) : service.signUp(address, password),
    );
    if (result) onResult(result);
  };

  const sendLink = async () => {
    const sent = await runner.run(async () => {
      await service.sendMagicLink(email.trim());
      return true;
    });
    if (sent) setLinkSentTo(email.trim());
  };

  return (
    <form
      className="card stack account-form"
      onSubmit={(event) => void submit(event)}
      aria-label={mode === 'sign-in' ? 'Sign in' : 'Create account'}
    >
      <h2>{mode === 'sign-in' ? 'Sign in' : 'Create an account'}</h2>
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
        required
        minLength={6}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      {runner.error ? <Notice tone="error">{runner.error}</Notice> : null}
      {linkSentTo ? (
        <Notice tone="success">Check {linkSentTo}: the link signs you in on this device.</Notice>
      ) : null}
      <div className="row">
        <Button type="submit" variant="primary" disabled={runner.busy}>
          {mode === 'sign-in' ? 'Sign in' : 'Create account'}
        </Button>
        {magicLink !== 'unavailable' ? (
          <Button
            variant="secondary"
            disabled={runner.busy || email.trim() === ''}
            onClick={() => void sendLink()}
          >
            Email me a sign-in link
          </Button>
        ) : null}
        <Button
          variant="ghost"
          onClick={() => {
            runner.clearError();
            setMode(mode === 'sign-in' ? 'sign-up' : 'sign-in');
          }}
        >
          {mode === 'sign-in' ? 'New here? Create an account' : 'Have an account? Sign in'}
        </Button>
      </div>
    </form>
  );
}
