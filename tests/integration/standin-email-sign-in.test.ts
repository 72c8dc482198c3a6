// The Account page offers "Email me a sign-in link" (supabase-js signInWithOtp). The stand-in
// serves it like GoTrue with the implicit flow, catching the mail in its mailbox instead of
// sending it: the link redirects back with the session in the URL fragment (what the app's
// completeMagicLinkRedirect reads), and the code in the mail works with verifyOtp.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Standin } from '../../scripts/standin/standin';
import { freshEmail, startTestStandin, supabaseFor } from '../support/standin';

let standin: Standin;
beforeAll(async () => {
  standin = await startTestStandin();
});
afterAll(() => standin.stop());

const ACCOUNT_PAGE = 'http://localhost:4173/account';

describe('e-mail sign-in on the stand-in', () => {
  it('sends a link that signs in through the redirect, once', async () => {
    const supabase = supabaseFor(standin);
    const email = freshEmail();
    const sent = await supabase.auth.signInWithOtp({
      email,
      options: { emailRedirectTo: ACCOUNT_PAGE },
    });
    expect(sent.error).toBeNull();
    const mail = standin.mailbox.latest(email)!;
    expect(mail.link).toMatch(/\/auth\/v1\/verify\?/);

    // The browser opens the link without an API key.
    const opened = await fetch(mail.link, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    const landing = new URL(opened.headers.get('location')!);
    expect(`${landing.origin}${landing.pathname}`).toBe(ACCOUNT_PAGE);
    const fragment = new URLSearchParams(landing.hash.slice(1));
    expect(fragment.get('token_type')).toBe('bearer');
    expect(fragment.get('type')).toBe('magiclink');
    const session = await supabase.auth.setSession({
      access_token: fragment.get('access_token')!,
      refresh_token: fragment.get('refresh_token')!,
    });
    expect(session.error).toBeNull();
    expect(session.data.user?.email).toBe(email);

    const again = await fetch(mail.link, { redirect: 'manual' });
    const refused = new URLSearchParams(new URL(again.headers.get('location')!).hash.slice(1));
    expect(refused.get('error_code')).toBe('otp_expired');
  });

  it('signs in with the code from the mail, as the password account it already is', async () => {
    const supabase = supabaseFor(standin);
    const email = freshEmail();
    const signUp = await supabase.auth.signUp({ email, password: 'correct horse battery' });
    await supabase.auth.signOut();
    await supabase.auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    const wrong = await supabase.auth.verifyOtp({ email, token: '000000x', type: 'email' });
    expect(wrong.error?.code).toBe('otp_expired');
    const { code } = standin.mailbox.latest(email)!;
    const verified = await supabase.auth.verifyOtp({ email, token: code, type: 'email' });
    expect(verified.error).toBeNull();
    expect(verified.data.user?.id).toBe(signUp.data.user!.id);
  });

  it('refuses an unknown address when the client asks not to create a user', async () => {
    const supabase = supabaseFor(standin);
    const { error } = await supabase.auth.signInWithOtp({
      email: freshEmail('stranger'),
      options: { shouldCreateUser: false },
    });
    expect(error?.code).toBe('otp_disabled');
  });
});
