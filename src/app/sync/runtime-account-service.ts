// The account screen's AccountService over the sync runtime and Supabase Auth. After every
// sign-in the runtime decides about the local data (adopt, keep, or ask before replacing);
// this service only reports that decision to the screen and carries out the writer's answer.
import type { AccountService, SignInResult } from '../../features/account/account-service';
import { replaceLocalData } from '../../features/account/local-data-owner';
import type { StoryPromptsDatabase } from '../../db/database';
import {
  AccountError,
  sendMagicLink,
  signInWithPassword,
  signOutHere,
  signUpWithPassword,
} from './supabase-auth';
import { expectSession, stopExpectingSession } from './session-expectation';
import type { SyncRuntime } from './sync-runtime';

function requireClient(runtime: SyncRuntime) {
  const connection = runtime.currentConnection();
  if (!connection)
    throw new AccountError(
      'not-configured',
      'No sync server is set up. Add one in Settings first.',
    );
  return connection.client;
}

async function signOutThisDevice(runtime: SyncRuntime): Promise<void> {
  const client = requireClient(runtime);
  // A connection exists (requireClient), so it has a storage key.
  const storageKey = runtime.currentAuthStorageKey()!;
  // Before the sign-out: every tab hears of it at once and must not take it for an expiry.
  stopExpectingSession(storageKey);
  try {
    await signOutHere(client, storageKey);
  } catch (error) {
    expectSession(storageKey);
    throw error;
  }
  await runtime.setUser(null);
}

function outcome(runtime: SyncRuntime): SignInResult {
  const pending = runtime.account$.value.pendingReplace;
  return pending ? { kind: 'confirm-replace', pending } : { kind: 'signed-in' };
}

export function createAccountService(
  runtime: SyncRuntime,
  db: StoryPromptsDatabase,
): AccountService {
  return {
    snapshot: () => runtime.account$.value,
    subscribe: (onChange) => {
      const subscription = runtime.account$.subscribe(onChange);
      return () => subscription.unsubscribe();
    },
    async signUp(email, password) {
      const user = await signUpWithPassword(requireClient(runtime), email, password);
      if (!user) return { kind: 'check-email' };
      await runtime.setUser(user);
      return outcome(runtime);
    },
    async signIn(email, password) {
      const user = await signInWithPassword(requireClient(runtime), email, password);
      await runtime.setUser(user);
      return outcome(runtime);
    },
    sendMagicLink: (email) => sendMagicLink(requireClient(runtime), email),
    async confirmReplace() {
      const user = runtime.currentUser();
      if (!user || !runtime.account$.value.pendingReplace) return;
      runtime.pauseForReplace();
      await replaceLocalData(db, user);
      await runtime.refresh();
    },
    cancelReplace: () => signOutThisDevice(runtime),
    signOut: () => signOutThisDevice(runtime),
  };
}
