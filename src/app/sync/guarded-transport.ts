// The transport the engine gets: the RPC transport behind a guard that checks, before and after
// every call, that the signed-in account still owns this device's data. The session lives in
// storage shared by all tabs, so another tab can sign in as someone else at any moment; the
// guard makes sure this device's data is then neither sent to, nor mixed with, that account
// (the engine would otherwise treat "client id owned by another user" as repairable).
import type {
  AckPullRequest,
  AckPullResponse,
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
} from '../../sync/protocol';
import { SyncTransportError } from '../../sync/sync-errors';
import type { SyncTransport } from '../../sync/sync-transport';

export interface TransportGuard {
  /** The signed-in user id now (null when signed out). */
  sessionUserId(): Promise<string | null>;
  /** The account that owns this device's data. */
  ownerUserId(): Promise<string | null>;
}

export const OTHER_ACCOUNT_MESSAGE =
  'This device holds another account’s data. Open Account to choose; nothing was sent.';

export class GuardedTransport implements SyncTransport {
  private closed = false;

  constructor(
    private readonly inner: SyncTransport,
    private readonly guard: TransportGuard,
    private readonly onPushed: () => void = () => {},
  ) {}

  /** After close every call fails at once, so a stopped engine's run ends quickly. */
  close(): void {
    this.closed = true;
  }

  async push(request: PushRequest): Promise<PushResponse> {
    await this.check();
    const response = await this.inner.push(request);
    await this.check();
    this.onPushed();
    return response;
  }

  async pull(request: PullRequest): Promise<PullResponse> {
    await this.check();
    const response = await this.inner.pull(request);
    await this.check();
    return response;
  }

  async ackPull(request: AckPullRequest): Promise<AckPullResponse> {
    await this.check();
    return this.inner.ackPull(request);
  }

  private async check(): Promise<void> {
    if (this.closed) throw new SyncTransportError('refused', 'Sync stopped on this tab.');
    const [user, owner] = await Promise.all([this.guard.sessionUserId(), this.guard.ownerUserId()]);
    if (user === null) {
      throw new SyncTransportError(
        'unauthorized',
        'You are signed out. Sign in to keep syncing; your changes are saved on this device.',
      );
    }
    if (user !== owner) throw new SyncTransportError('refused', OTHER_ACCOUNT_MESSAGE);
  }
}
