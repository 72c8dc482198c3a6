// Keys of the device-local `meta` table that more than one layer reads. The sync engine keeps
// its bookkeeping under SYNC_META_PREFIX; the account screen reads who owns the local data.
export const SYNC_META_PREFIX = 'sync.';
export const OWNER_USER_ID_META_KEY = `${SYNC_META_PREFIX}owner_user_id`;
