// MiniSearch with a faster `add`, for index builds. MiniSearch finds a term's postings with a
// radix-tree lookup for every word of every document (the tree scans each node's children), which
// was most of the time of building 10k × 2 KB prompts. This subclass counts each field's words
// first and looks each distinct word up once per field, in a Map in front of the tree. It writes
// exactly the structures MiniSearch's own `add` writes (a unit test compares the two indexes), and
// uses only MiniSearch's protected members, which exist for subclasses.
//
// The Map holds a term's postings object only while the tree holds the same object: the tree
// drops a term when its last posting goes (remove, vacuum after discards), so every method that
// can remove postings empties the Map first; everything it holds afterwards has a live posting.
import MiniSearch from 'minisearch';
import type { VacuumOptions } from 'minisearch';

type Postings = Map<number, Map<number, number>>;

export class FastAddMiniSearch<T> extends MiniSearch<T> {
  private readonly postingsOf = new Map<string, Postings>();

  override add(document: T): void {
    const { extractField, stringifyField, tokenize, processTerm, fields, idField, storeFields } =
      this._options;
    const id: unknown = extractField(document, idField);
    if (id == null) throw new Error(`MiniSearch: document does not have ID field "${idField}"`);
    if (this._idToShortId.has(id)) throw new Error(`MiniSearch: duplicate ID ${String(id)}`);
    const shortId = this._nextId++;
    this._idToShortId.set(id, shortId);
    this._documentIds.set(shortId, id);
    this._documentCount += 1;
    if (storeFields.length > 0) {
      const stored: Record<string, unknown> = {};
      for (const name of storeFields) {
        const value: unknown = extractField(document, name);
        if (value !== undefined) stored[name] = value;
      }
      this._storedFields.set(shortId, stored);
    }
    // Counting raw words gives MiniSearch's field length (distinct raw words) and lets each
    // distinct word be normalized once; words that normalize alike add up in addPosting.
    const counts = new Map<string, number>();
    for (const field of fields) {
      const value: unknown = extractField(document, field);
      if (value == null) continue;
      const fieldId = this._fieldIds[field]!;
      counts.clear();
      for (const token of tokenize(stringifyField(value, field), field))
        counts.set(token, (counts.get(token) ?? 0) + 1);
      this.recordFieldLength(shortId, fieldId, counts.size);
      for (const [token, count] of counts) {
        const processed = processTerm(token, field);
        if (Array.isArray(processed)) {
          for (const term of processed) this.addPosting(term, fieldId, shortId, count);
        } else if (processed) this.addPosting(processed, fieldId, shortId, count);
      }
    }
  }

  override discard(id: unknown): void {
    this.postingsOf.clear();
    super.discard(id);
  }

  override remove(document: T): void {
    this.postingsOf.clear();
    super.remove(document);
  }

  override removeAll(documents?: readonly T[]): void {
    this.postingsOf.clear();
    super.removeAll(documents);
  }

  override replace(document: T): void {
    this.postingsOf.clear();
    super.replace(document);
  }

  override vacuum(options?: VacuumOptions): Promise<void> {
    this.postingsOf.clear();
    return super.vacuum(options);
  }

  private addPosting(term: string, fieldId: number, shortId: number, count: number): void {
    let postings = this.postingsOf.get(term);
    if (!postings) {
      postings = this._index.fetch(term, () => new Map()) as Postings;
      this.postingsOf.set(term, postings);
    }
    const docs = postings.get(fieldId);
    if (docs) docs.set(shortId, (docs.get(shortId) ?? 0) + count);
    else postings.set(fieldId, new Map([[shortId, count]]));
  }

  /** MiniSearch's running average: the same arithmetic, so lengths match its own `add`. */
  private recordFieldLength(shortId: number, fieldId: number, length: number): void {
    let lengths = this._fieldLength.get(shortId);
    if (!lengths) this._fieldLength.set(shortId, (lengths = []));
    lengths[fieldId] = length;
    const count = this._documentCount - 1;
    const average = this._avgFieldLength[fieldId] || 0;
    this._avgFieldLength[fieldId] = (average * count + length) / (count + 1);
  }
}

/** The part of MiniSearch's term tree (its protected `_index`) that `mayMatch` reads. */
interface TermTree {
  has(term: string): boolean;
  atPrefix(prefix: string): { keys(): Iterator<string> };
}

/** What a query word requires of a segment: the exact word, or any word it starts. */
export interface TermRequirement {
  term: string;
  prefix: boolean;
}

/**
 * False when `index` holds no word some requirement needs, so an AND query cannot match any of
 * its documents: a look-up per word instead of scoring the other words' postings (a second
 * word of one or two letters matches no word in most segments).
 */
export function mayMatch(index: MiniSearch, requirements: readonly TermRequirement[]): boolean {
  const tree = (index as unknown as { _index: TermTree })._index;
  return requirements.every(({ term, prefix }) =>
    prefix ? !tree.atPrefix(term).keys().next().done : tree.has(term),
  );
}
