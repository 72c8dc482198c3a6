// One shard's in-memory index: a MiniSearch index plus the content stamp of every document in
// it. Invariant: `stamps` has exactly the ids MiniSearch holds (live, not discarded), each with
// the stamp of the version indexed; the stamp's first letter is the document kind.
import MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import { AppError } from '../lib/app-error';
import { docStamp } from './search-documents';
import type { SearchDoc } from './search-documents';
import { hasFilters, matchesFilters } from './search-query';
import type { ParsedQuery } from './search-query';
import { indexOptions, searchOptions } from './search-shard-config';
import type { SearchKind, ShardName } from './search-types';

const KIND_LETTER: Record<SearchKind, string> = { story: 's', prompt: 'p', message: 'm' };

export interface RawHit {
  id: string;
  kind: SearchKind;
  score: number;
  terms: string[];
  /** Index term → fields it matched in. */
  match: Record<string, string[]>;
}

export interface SerializedIndex {
  index: string;
  stamps: Array<[string, string]>;
}

export class SearchIndex {
  /** Bumped by every change, so owners know when the stored copy is behind. */
  revision = 0;

  private constructor(
    readonly shard: ShardName,
    private mini: MiniSearch<SearchDoc>,
    private readonly stamps: Map<string, string>,
  ) {}

  static empty(shard: ShardName): SearchIndex {
    return new SearchIndex(shard, new MiniSearch<SearchDoc>(indexOptions(shard)), new Map());
  }

  /** Loads a serialized index; throws 'search/corrupt-index' when it does not hold together. */
  static async restore(shard: ShardName, data: SerializedIndex): Promise<SearchIndex> {
    try {
      // Synchronous on purpose: loadJSONAsync yields with a setTimeout every 1,000 entries, which
      // browsers clamp to 4 ms, so a 100k-message index took ~20 s instead of ~2 s. Queries wait
      // for the restore anyway; the library shard restores first.
      const mini = MiniSearch.loadJSON<SearchDoc>(data.index, indexOptions(shard));
      const stamps = new Map(data.stamps);
      if (mini.documentCount !== stamps.size) throw new Error('document count and stamps differ');
      for (const id of stamps.keys())
        if (!mini.has(id)) throw new Error(`stamp without document ${id}`);
      return new SearchIndex(shard, mini, stamps);
    } catch (error) {
      throw new AppError(
        'search/corrupt-index',
        `The stored ${shard} search index is unreadable.`,
        error,
      );
    }
  }

  get size(): number {
    return this.stamps.size;
  }

  has(id: string): boolean {
    return this.stamps.has(id);
  }

  /** Indexes `doc` unless the same content is already indexed; true when something changed. */
  upsert(doc: SearchDoc): boolean {
    const stamp = KIND_LETTER[doc.kind] + docStamp(doc);
    const previous = this.stamps.get(doc.id);
    if (previous === stamp) return false;
    if (previous !== undefined) this.mini.discard(doc.id);
    this.mini.add(doc);
    this.stamps.set(doc.id, stamp);
    this.revision += 1;
    return true;
  }

  remove(id: string): boolean {
    if (!this.stamps.has(id)) return false;
    this.mini.discard(id);
    this.stamps.delete(id);
    this.revision += 1;
    return true;
  }

  idsOfKind(kind: SearchKind): string[] {
    const letter = KIND_LETTER[kind];
    const ids: string[] = [];
    for (const [id, stamp] of this.stamps) if (stamp[0] === letter) ids.push(id);
    return ids;
  }

  /** The best `limit` hits of each kind, best first. */
  search(query: ParsedQuery, limit: number): RawHit[] {
    const filtered = hasFilters(query);
    if (!query.text && !filtered) return [];
    const filter = filtered
      ? (result: SearchResult) =>
          result.kind === 'prompt' &&
          matchesFilters(
            query,
            (result.tags as string[]) ?? [],
            (result.category as string | null) ?? null,
          )
      : undefined;
    const options = { ...searchOptions(this.shard), filter };
    const results = query.text
      ? this.mini.search(query.text, options)
      : this.mini.search(MiniSearch.wildcard, options);
    return topPerKind(results, limit);
  }

  serialize(): SerializedIndex {
    return { index: JSON.stringify(this.mini), stamps: [...this.stamps] };
  }
}

function topPerKind(results: SearchResult[], limit: number): RawHit[] {
  const counts: Record<string, number> = {};
  const hits: RawHit[] = [];
  for (const result of results) {
    const kind = result.kind as SearchKind;
    const count = counts[kind] ?? 0;
    if (count >= limit) continue;
    counts[kind] = count + 1;
    hits.push({
      id: result.id as string,
      kind,
      score: result.score,
      terms: result.terms,
      match: result.match,
    });
  }
  return hits;
}
