// Which account the data on this device belongs to, and the two ways that changes:
// - adoption: the first account to sign in on a database takes its data (the outbox already
//   holds every local write, so the next sync uploads all of it);
// - replacement: a different account signs in and the writer agreed to swap; the device is
//   cleared to a fresh database (new client id, empty outbox) before the new owner is set.
// Two accounts' data are never merged: any other case asks the writer first.
import type { StoryPromptsDatabase } from '../../db/database';
import { OWNER_USER_ID_META_KEY } from '../../db/meta-keys';
import { AppError } from '../../lib/app-error';
import type { AccountUser } from './account-service';

// The owner key is shared with the sync engine (src/db/meta-keys.ts); the e-mail is ours, only
// for the question "this device holds the data of <email>".
export const OWNER_USER_ID_KEY = OWNER_USER_ID_META_KEY;
export const OWNER_EMAIL_KEY = 'account.owner_email';

export interface LocalOwner {
  userId: string | null;
  email: string | null;
}

export type AdoptionDecision = 'adopt' | 'same-account' | 'ask-replace';

export async function readLocalOwner(db: StoryPromptsDatabase): Promise<LocalOwner> {
  const [id, email] = await Promise.all([
    db.meta.get(OWNER_USER_ID_KEY),
    db.meta.get(OWNER_EMAIL_KEY),
  ]);
  return {
    userId: typeof id?.value === 'string' && id.value !== '' ? id.value : null,
    email: typeof email?.value === 'string' ? email.value : null,
  };
}

export function decideAdoption(owner: LocalOwner, user: AccountUser): AdoptionDecision {
  if (owner.userId === null) return 'adopt';
  return owner.userId === user.id ? 'same-account' : 'ask-replace';
}

async function writeOwner(db: StoryPromptsDatabase, user: AccountUser): Promise<void> {
  await db.meta.put({ key: OWNER_USER_ID_KEY, value: user.id });
  await db.meta.put({ key: OWNER_EMAIL_KEY, value: user.email });
}

/** First sign-in on this database: the account owns everything already here. */
export async function adoptLocalData(db: StoryPromptsDatabase, user: AccountUser): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const owner = await readLocalOwner(db);
    // Another tab may have adopted for someone else meanwhile: never overwrite an owner here.
    if (owner.userId !== null && owner.userId !== user.id) {
      throw new AppError(
        'account/owned-by-other',
        'This device already holds another account’s data. Sign in again to choose.',
      );
    }
    await writeOwner(db, user);
  });
}

/** The writer agreed: every local table is emptied (device settings stay), then the owner set. */
export async function replaceLocalData(db: StoryPromptsDatabase, user: AccountUser): Promise<void> {
  const tables = db.tables.filter((table) => table.name !== 'settings');
  await db.transaction('rw', tables, async () => {
    await Promise.all(tables.map((table) => table.clear()));
    await writeOwner(db, user);
  });
}

/** Keeps the owner's e-mail current (it may change on the server). */
export async function rememberOwnerEmail(
  db: StoryPromptsDatabase,
  user: AccountUser,
): Promise<void> {
  const owner = await readLocalOwner(db);
  if (owner.userId === user.id && owner.email !== user.email)
    await db.meta.put({ key: OWNER_EMAIL_KEY, value: user.email });
}
