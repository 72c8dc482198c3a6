// DEVELOPMENT TOOL: the stand-in sends no real e-mail. Like Supabase's local stack (which
// catches mail in Inbucket/Mailpit), every sign-in mail lands here instead: tests read it from
// `standin.mailbox`, and `npm run backend` prints it. Also holds the one-time codes of those
// mails: single use, valid one hour (GoTrue's default mailer OTP expiry).
import { createHash, randomBytes, randomInt } from 'node:crypto';

export interface Mail {
  to: string;
  /** The six-digit code (verifyOtp with type 'email'). */
  code: string;
  /** The sign-in link (GET /auth/v1/verify, then a redirect with the session in the URL). */
  link: string;
  sentAt: number;
}

const OTP_SECONDS = 3600;

interface PendingOtp {
  email: string;
  code: string;
  tokenHash: string;
  expiresAt: number;
}

export class Mailbox {
  private readonly mails: Mail[] = [];
  private readonly pending = new Map<string, PendingOtp>();

  constructor(private readonly onMail: (mail: Mail) => void = () => {}) {}

  /** Issues a code and link for `email` (replacing an earlier one) and "sends" the mail. */
  sendSignIn(email: string, verifyUrl: (tokenHash: string) => string, now = Date.now()): Mail {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const tokenHash = createHash('sha224')
      .update(`${email}${code}${randomBytes(8).toString('hex')}`)
      .digest('hex');
    const key = email.toLowerCase();
    this.pending.set(key, { email: key, code, tokenHash, expiresAt: now + OTP_SECONDS * 1000 });
    const mail = { to: key, code, link: verifyUrl(tokenHash), sentAt: now };
    this.mails.push(mail);
    this.onMail(mail);
    return mail;
  }

  /** The newest mail sent to `email`, if any. */
  latest(email: string): Mail | undefined {
    return this.mails.findLast((mail) => mail.to === email.toLowerCase());
  }

  /** The e-mail a valid link token or (email, code) pair signs in; used up either way. */
  consume(by: { tokenHash: string } | { email: string; code: string }, now = Date.now()) {
    const entry =
      'tokenHash' in by
        ? [...this.pending.values()].find((candidate) => candidate.tokenHash === by.tokenHash)
        : this.pending.get(by.email.toLowerCase());
    if (!entry || ('code' in by && entry.code !== by.code)) return null;
    this.pending.delete(entry.email);
    return entry.expiresAt > now ? entry.email : null;
  }
}
