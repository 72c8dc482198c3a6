// Unit tests run Dexie on fake-indexeddb: a fresh in-memory IndexedDB for every test file.
import 'fake-indexeddb/auto';
