// What the account screen needs from the app: the feature owns this contract and src/app
// implements it over Supabase Auth. Keeping Supabase out of the feature keeps the screen
// testable and lets it render (as "local only") when no server is configured.

export interface AccountUser {
  id: string;
  email: string;
}

/** A sign-in that would put another account's data on this device: the writer decides. */
export interface PendingReplace {
  ownerEmail: string;
  newEmail: string;
}

export interface AccountSnapshot {
  /** A sync server is configured (build defaults or Settings). */
  configured: boolean;
  user: AccountUser | null;
  pendingReplace: PendingReplace | null;
  /** Whether the server sends e-mail (magic links); 'unknown' until asked or when it cannot say. */
  magicLink: 'available' | 'unavailable' | 'unknown';
  /** Signed out without the writer doing it: the session expired or was revoked. */
  sessionExpired: boolean;
}

export type SignInResult =
  | { kind: 'signed-in' }
  | { kind: 'confirm-replace'; pending: PendingReplace }
  /** Sign-up accepted, but the server wants the address confirmed first. */
  | { kind: 'check-email' };

export interface AccountService {
  snapshot(): AccountSnapshot;
  /** For useSyncExternalStore: returns the unsubscribe function. */
  subscribe(onChange: () => void): () => void;
  signUp(email: string, password: string): Promise<SignInResult>;
  signIn(email: string, password: string): Promise<SignInResult>;
  sendMagicLink(email: string): Promise<void>;
  /** Clears this device and makes the new account its owner. */
  confirmReplace(): Promise<void>;
  /** Keeps this device's data and signs the new account out again. */
  cancelReplace(): Promise<void>;
  signOut(): Promise<void>;
}

export const LOCAL_ONLY_ACCOUNT: AccountSnapshot = {
  configured: false,
  user: null,
  pendingReplace: null,
  magicLink: 'unknown',
  sessionExpired: false,
};
