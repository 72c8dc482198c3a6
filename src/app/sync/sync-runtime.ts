// The sync runtime of one tab: composes the server config, the Supabase connection, the account
// state and, in the leader tab only, the engine. Every tab re-derives what it should be doing
// from (config, signed-in user, owner of the local data, leadership) whenever one of them
// changes; the derivation runs serialized so two changes never race.
//   no config          → local only ("Sync is off")
//   config, no user    → local only (signed out)
//   user ≠ owner       → nothing syncs until the writer chooses on the Account page
//   user = owner       → leader: runs the engine; others: show the leader's status
import { liveQuery } from 'dexie';
import { BehaviorSubject, combineLatest, from } from 'rxjs';
import type { Subscription } from 'rxjs';
import type { StoryPromptsDatabase } from '../../db/database';
import { LOCAL_ONLY_ACCOUNT } from '../../features/account/account-service';
import type { AccountSnapshot, AccountUser } from '../../features/account/account-service';
import {
  adoptLocalData,
  decideAdoption,
  readLocalOwner,
  rememberOwnerEmail,
} from '../../features/account/local-data-owner';
import { readSyncServerSettings } from '../../features/settings/sync-server-settings';
import type { SyncUiStatus } from '../../features/sync-status/sync-status-view';
import { requestLeadership } from '../../platform/leader-lock';
import type { LeadershipHandle } from '../../platform/leader-lock';
import { openTabChannel } from '../../platform/broadcast-channel';
import { connectSupabase } from '../../remote/supabase-client';
import type { SupabaseConnection } from '../../remote/supabase-client';
import { INITIAL_SYNC_STATUS } from '../../sync/sync-status';
import type { SyncStatus } from '../../sync/sync-status';
import { describeError } from '../../lib/app-error';
import { startLeaderEngine } from './leader-engine';
import type { LeaderEngine } from './leader-engine';
import { downloadBeforeRestore } from './download-before-restore';
import { localSyncCounts } from './local-counts';
import { startOutboxCompactor } from './outbox-compactor';
import { createPoolReconciler } from './pool-reconciler';
import type { Reconciler } from '../../sync/reconcile';
import {
  authStorageKey,
  completeMagicLinkRedirect,
  fetchMagicLinkAvailability,
  userOf,
} from './supabase-auth';
import {
  buildTimeSyncSettings,
  resolveSyncConfig,
  sameConfig,
  SYNC_OFF_MESSAGE,
} from './sync-config';
import type { SyncServerConfig } from './sync-config';
import { expectSession, sessionExpected, sessionStillStored } from './session-expectation';
import { SYNC_LEADER_LOCK, SYNC_TAB_CHANNEL } from './tab-messages';
import type { SyncTabMessage } from './tab-messages';

const SIGNED_OUT_MESSAGE = 'Signed out: this device keeps everything locally. Sign in to sync.';
const CHECKING_SESSION_MESSAGE = 'Checking your session with the sync server…';
const SESSION_NOT_RENEWED_MESSAGE =
  'Your session could not be renewed yet: the sync server is unreachable. Sync resumes by itself once it is reachable; your changes are saved on this device.';
const SESSION_EXPIRED_MESSAGE =
  'Your session has expired. Sign in again to keep syncing; your changes are saved on this device.';

const localOnly = (message: string): SyncStatus => ({
  ...INITIAL_SYNC_STATUS,
  phase: 'disabled',
  message,
});

export class SyncRuntime {
  readonly status$ = new BehaviorSubject<SyncUiStatus>({
    ...localOnly(SYNC_OFF_MESSAGE),
    openConflicts: 0,
  });
  readonly account$ = new BehaviorSubject<AccountSnapshot>(LOCAL_ONLY_ACCOUNT);
  private readonly base$ = new BehaviorSubject<SyncStatus>(localOnly(SYNC_OFF_MESSAGE));
  private readonly channel = openTabChannel<SyncTabMessage>(SYNC_TAB_CHANNEL);
  private readonly subscriptions: Subscription[] = [];
  private config: SyncServerConfig | null = null;
  private connection: {
    config: SyncServerConfig;
    value: SupabaseConnection;
    unsubscribe: () => void;
  } | null = null;
  private user: AccountUser | null = null;
  /** Supabase Auth has reported this connection's session (until then "no user" means nothing). */
  private authKnown = false;
  private accountNeeded: SyncUiStatus['accountNeeded'] = null;
  private leader = false;
  private leadership: LeadershipHandle | null = null;
  private engine: { key: string; value: LeaderEngine; subscription: Subscription } | null = null;
  private reconciler: Reconciler | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly db: StoryPromptsDatabase) {}

  start(): void {
    const settings = from(liveQuery(() => readSyncServerSettings(this.db)));
    this.subscriptions.push(
      settings.subscribe((saved) => {
        this.config = resolveSyncConfig(saved, buildTimeSyncSettings());
        this.refresh();
      }),
      // The owner changes on adoption and replacement, possibly in another tab.
      from(liveQuery(() => readLocalOwner(this.db))).subscribe(() => this.refresh()),
      combineLatest([this.base$, localSyncCounts(this.db)]).subscribe(([base, counts]) =>
        this.status$.next({
          ...base,
          ...counts,
          lastSyncedAt: counts.lastSyncedAt ?? base.lastSyncedAt,
          leader: this.engine !== null,
          accountNeeded: this.accountNeeded,
        }),
      ),
    );
    const stopListening = this.channel.subscribe((message) => this.onTabMessage(message));
    this.subscriptions.push({ unsubscribe: stopListening } as Subscription);
    this.leadership = requestLeadership(SYNC_LEADER_LOCK, () => {
      this.leader = true;
      this.refresh();
      // One tab keeps the outbox compact, sync on or off (outbox-compactor.ts).
      const stopCompactor = startOutboxCompactor(this.db);
      return () => {
        this.leader = false;
        stopCompactor();
      };
    });
    this.channel.post({ type: 'status-request' });
  }

  stop(): void {
    this.leadership?.release();
    this.stopEngine();
    this.closeConnection();
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.channel.close();
  }

  /** "Retry now" / "Retry": the leader tries at once, backoff or not; other tabs ask the leader. */
  syncNow(): void {
    if (this.engine) this.engine.value.retryNow();
    else this.channel.post({ type: 'sync-now' });
  }

  /**
   * Before a backup is restored: a sync run to completion, so rows the server already holds are
   * on this device and the restore keeps them (see download-before-restore.ts).
   */
  downloadBeforeRestore(signal?: AbortSignal): Promise<void> {
    return downloadBeforeRestore(this.status$, () => this.syncNow(), {
      signal,
      sessionPending: this.connection !== null && !this.authKnown,
    });
  }

  currentConnection(): SupabaseConnection | null {
    return this.connection?.value ?? null;
  }

  /** Where the current connection keeps its session (null without a sync server). */
  currentAuthStorageKey(): string | null {
    return this.connection ? authStorageKey(this.connection.config.url) : null;
  }

  currentUser(): AccountUser | null {
    return this.user;
  }

  /** The signed-in user changed (auth event here or in another tab, or a sign-in call). */
  setUser(user: AccountUser | null): Promise<void> {
    this.user = user;
    const storageKey = this.currentAuthStorageKey();
    if (user && storageKey) expectSession(storageKey);
    return this.refresh();
  }

  /** Re-derives what this tab does; resolves when done. Errors end up in the status. */
  refresh(): Promise<void> {
    this.queue = this.queue
      .then(() => this.derive())
      .catch((error: unknown) =>
        this.base$.next({ ...this.base$.value, phase: 'error', message: describeError(error) }),
      );
    return this.queue;
  }

  /** Stops syncing before the local data is replaced (the caller refreshes afterwards). */
  pauseForReplace(): void {
    this.stopEngine();
  }

  private async derive(): Promise<void> {
    this.accountNeeded = null;
    this.syncConnection();
    const config = this.config;
    if (!config) return this.becomeLocalOnly(SYNC_OFF_MESSAGE, LOCAL_ONLY_ACCOUNT);
    const account: AccountSnapshot = {
      ...this.account$.value,
      configured: true,
      user: this.user,
      pendingReplace: null,
      sessionExpired: false,
    };
    const user = this.user;
    if (!user) {
      const { message, expired } = this.whyNoUser();
      return this.becomeLocalOnly(message, { ...account, sessionExpired: expired });
    }
    const owner = await readLocalOwner(this.db);
    const decision = decideAdoption(owner, user);
    if (decision === 'ask-replace') {
      this.stopEngine();
      const pendingReplace = { ownerEmail: owner.email ?? 'another account', newEmail: user.email };
      this.accountNeeded = 'choose-data';
      this.account$.next({ ...account, pendingReplace });
      return this.base$.next({
        ...localOnly(
          `Signed in as ${user.email}, but this device holds the data of ${pendingReplace.ownerEmail}. Choose on the Account page; nothing syncs until then.`,
        ),
        phase: 'error',
      });
    }
    if (decision === 'adopt') await adoptLocalData(this.db, user);
    else await rememberOwnerEmail(this.db, user);
    this.account$.next(account);
    if (this.leader) this.ensureEngine(config, user);
    else this.becomeFollower();
  }

  /**
   * Without a user: signed out (or never in), or, when this device should hold a session, still
   * being checked (Auth renews an outdated one first, for up to ~30 s), kept but not renewable
   * while the server is unreachable, or expired.
   */
  private whyNoUser(): { message: string; expired: boolean } {
    const storageKey = this.currentAuthStorageKey();
    if (storageKey === null || !sessionExpected(storageKey))
      return { message: SIGNED_OUT_MESSAGE, expired: false };
    if (!this.authKnown) return { message: CHECKING_SESSION_MESSAGE, expired: false };
    if (sessionStillStored(storageKey))
      return { message: SESSION_NOT_RENEWED_MESSAGE, expired: false };
    return { message: SESSION_EXPIRED_MESSAGE, expired: true };
  }

  private becomeLocalOnly(message: string, account: AccountSnapshot): void {
    this.stopEngine();
    this.accountNeeded = account.sessionExpired ? 'session-expired' : null;
    this.account$.next(account);
    this.base$.next(localOnly(message));
  }

  private becomeFollower(): void {
    this.stopEngine();
    const phase = this.base$.value.phase;
    if (phase === 'disabled' || phase === 'error')
      this.base$.next({ ...INITIAL_SYNC_STATUS, phase: 'idle' });
    this.channel.post({ type: 'status-request' });
  }

  private ensureEngine(config: SyncServerConfig, user: AccountUser): void {
    const connection = this.connection?.value;
    const key = `${config.url}|${user.id}`;
    if (!connection || this.engine?.key === key) return;
    this.stopEngine();
    this.reconciler ??= createPoolReconciler();
    const engine = startLeaderEngine({
      db: this.db,
      connection,
      reconciler: this.reconciler,
      userId: user.id,
    });
    const subscription = engine.status$.subscribe((status) => {
      this.base$.next(status);
      this.channel.post({ type: 'status', status });
    });
    this.engine = { key, value: engine, subscription };
  }

  private stopEngine(): void {
    if (!this.engine) return;
    this.engine.subscription.unsubscribe();
    this.engine.value.stop();
    this.engine = null;
  }

  private onTabMessage(message: SyncTabMessage): void {
    if (message.type === 'status') {
      if (!this.engine && this.account$.value.user && !this.account$.value.pendingReplace)
        this.base$.next(message.status);
    } else if (message.type === 'status-request') {
      if (this.engine) this.channel.post({ type: 'status', status: this.base$.value });
    } else if (this.engine) {
      this.engine.value.retryNow();
    }
  }

  /** Keeps one Supabase connection for the current config (a new one when it changes). */
  private syncConnection(): void {
    if (sameConfig(this.connection?.config ?? null, this.config)) return;
    this.stopEngine();
    this.closeConnection();
    this.user = null;
    this.authKnown = false;
    const config = this.config;
    if (!config) return;
    const value = connectSupabase({
      url: config.url,
      anonKey: config.anonKey,
      storageKey: authStorageKey(config.url),
    });
    const { data } = value.client.auth.onAuthStateChange((_event, session) => {
      // Never call Auth from inside its own callback (it holds Auth's lock): defer.
      setTimeout(() => {
        this.authKnown = true;
        void this.setUser(userOf(session));
      }, 0);
    });
    this.connection = { config, value, unsubscribe: () => data.subscription.unsubscribe() };
    void fetchMagicLinkAvailability(config).then((magicLink) => {
      if (sameConfig(this.connection?.config ?? null, config))
        this.account$.next({ ...this.account$.value, magicLink });
    });
    void completeMagicLinkRedirect(value.client).catch((error: unknown) =>
      this.base$.next({ ...localOnly(describeError(error)), phase: 'error' }),
    );
  }

  private closeConnection(): void {
    if (!this.connection) return;
    this.connection.unsubscribe();
    void this.connection.value.client.removeAllChannels();
    this.connection.value.client.auth.stopAutoRefresh().catch(() => {});
    this.connection = null;
  }
}
