// One shard's in-memory index: the documents of each kind in segments (MiniSearch indexes of at
// most SEGMENT_CAPACITY documents, oldest first), plus the content stamp of every document.
//
// Invariants: `stamps` has exactly the ids the segments hold (live, not discarded), each with the
// stamp of the version indexed, whose first letter is the document kind; `segmentOf` names the
// one segment holding each id. New and changed documents go to the last (open) segment of their
// kind, so segments run from oldest to newest change. A query reads a kind's segments newest
// first and stops once it has `limit` hits: common words cost one segment, not the whole shard,
// and the hits shown are the best of the most recent matching documents.
import MiniSearch from 'minisearch';
import type { AsPlainObject, SearchOptions, SearchResult } from 'minisearch';
import { AppError } from '../lib/app-error';
import { docStamp } from './search-documents';
import type { SearchDoc } from './search-documents';
import { hasFilters, matchesFilters } from './search-query';
import type { ParsedQuery } from './search-query';
import { yieldToEvents } from './search-slicing';
import { FastAddMiniSearch, mayMatch } from './search-minisearch';
import type { TermRequirement } from './search-minisearch';
import {
  indexOptions,
  requiredTerms,
  SEGMENT_CAPACITY,
  searchOptions,
} from './search-shard-config';
import type { SearchKind, ShardName } from './search-types';

const KIND_LETTER: Record<SearchKind, string> = { story: 's', prompt: 'p', message: 'm' };
const KINDS: readonly SearchKind[] = ['story', 'prompt', 'message'];

type Segment = MiniSearch<SearchDoc>;

export interface RawHit {
  id: string;
  kind: SearchKind;
  score: number;
  terms: string[];
  /** Index term → fields it matched in. */
  match: Record<string, string[]>;
}

export interface SerializedIndex {
  /** JSON of `Array<{ kind, index }>`, `index` being a MiniSearch segment, oldest first. */
  index: string;
  stamps: Array<[string, string]>;
}

interface StoredSegment {
  kind: SearchKind;
  index: AsPlainObject;
}

export class SearchIndex {
  /** Bumped by every change, so owners know when the stored copy is behind. */
  revision = 0;

  private constructor(
    readonly shard: ShardName,
    private readonly lanes: Map<SearchKind, Segment[]>,
    private readonly segmentOf: Map<string, Segment>,
    private readonly stamps: Map<string, string>,
  ) {}

  static empty(shard: ShardName): SearchIndex {
    return new SearchIndex(shard, new Map(), new Map(), new Map());
  }

  /** Loads a serialized index; throws 'search/corrupt-index' when it does not hold together. */
  static async restore(shard: ShardName, data: SerializedIndex): Promise<SearchIndex> {
    try {
      // Synchronous on purpose: loadJSAsync yields with a setTimeout every 1,000 entries, which
      // browsers clamp to 4 ms, so a 100k-message index took ~20 s instead of ~2 s. Queries wait
      // for the restore anyway; the library shard restores first.
      const stored = JSON.parse(data.index) as StoredSegment[];
      if (!Array.isArray(stored)) throw new Error('segments are not a list');
      const lanes = new Map<SearchKind, Segment[]>();
      const segmentOf = new Map<string, Segment>();
      for (const { kind, index } of stored) {
        if (!KINDS.includes(kind)) throw new Error(`unknown segment kind ${String(kind)}`);
        const segment = MiniSearch.loadJS<SearchDoc>(index, indexOptions(shard));
        for (const id of Object.values(index.documentIds) as string[])
          if (segment.has(id)) segmentOf.set(id, segment);
        lanes.set(kind, [...(lanes.get(kind) ?? []), segment]);
      }
      const stamps = new Map(data.stamps);
      if (segmentOf.size !== stamps.size) throw new Error('document count and stamps differ');
      for (const id of stamps.keys())
        if (!segmentOf.has(id)) throw new Error(`stamp without document ${id}`);
      return new SearchIndex(shard, lanes, segmentOf, stamps);
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
    if (previous !== undefined) this.discard(doc.id);
    const segment = this.openSegment(doc.kind);
    segment.add(doc);
    this.segmentOf.set(doc.id, segment);
    this.stamps.set(doc.id, stamp);
    this.revision += 1;
    return true;
  }

  remove(id: string): boolean {
    if (!this.stamps.has(id)) return false;
    this.discard(id);
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

  /** The best `limit` hits of each kind among its most recent matching documents, best first. */
  search(query: ParsedQuery, limit: number): RawHit[] {
    const filtered = hasFilters(query);
    if (!query.text && !filtered) return [];
    // Filters only ever narrow prompts: with one, no other kind can match.
    const kinds = filtered ? (['prompt'] as const) : KINDS;
    const options: SearchOptions = {
      ...searchOptions(this.shard),
      filter: filtered
        ? (result: SearchResult) =>
            matchesFilters(
              query,
              (result.tags as string[]) ?? [],
              (result.category as string | null) ?? null,
            )
        : undefined,
    };
    const required = requiredTerms(query.text);
    const hits: RawHit[] = [];
    for (const kind of kinds)
      for (const result of this.searchLane(kind, query.text, required, options, limit))
        hits.push({
          id: result.id as string,
          kind,
          score: result.score,
          terms: result.terms,
          match: result.match,
        });
    return hits;
  }

  /**
   * A snapshot for saving, one segment at a time with the worker's events let through between
   * segments (a whole 100k-message shard blocked queries for seconds); null when the index
   * changed meanwhile, so the pieces would not belong together.
   */
  async serialize(): Promise<SerializedIndex | null> {
    const revision = this.revision;
    const segments: string[] = [];
    for (const [kind, lane] of this.lanes)
      for (const segment of [...lane]) {
        segments.push(`{"kind":"${kind}","index":${JSON.stringify(segment)}}`);
        await yieldToEvents();
        if (this.revision !== revision) return null;
      }
    return { index: `[${segments.join(',')}]`, stamps: [...this.stamps] };
  }

  private searchLane(
    kind: SearchKind,
    text: string,
    required: readonly TermRequirement[],
    options: SearchOptions,
    limit: number,
  ): SearchResult[] {
    const lane = this.lanes.get(kind) ?? [];
    const found: SearchResult[] = [];
    for (let i = lane.length - 1; i >= 0 && found.length < limit; i--) {
      if (!mayMatch(lane[i]!, required)) continue;
      const results = text
        ? lane[i]!.search(text, options)
        : lane[i]!.search(MiniSearch.wildcard, options);
      for (const result of results) found.push(result);
    }
    return found.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  private openSegment(kind: SearchKind): Segment {
    let lane = this.lanes.get(kind);
    if (!lane) this.lanes.set(kind, (lane = []));
    const last = lane[lane.length - 1];
    if (last && last.documentCount < SEGMENT_CAPACITY[kind]) return last;
    const segment: Segment = new FastAddMiniSearch<SearchDoc>(indexOptions(this.shard));
    lane.push(segment);
    return segment;
  }

  private discard(id: string): void {
    const segment = this.segmentOf.get(id)!;
    segment.discard(id);
    this.segmentOf.delete(id);
    if (segment.documentCount > 0) return;
    // An emptied segment other than the open one would only cost every rare query a lookup.
    for (const lane of this.lanes.values()) {
      const at = lane.indexOf(segment);
      if (at >= 0 && at < lane.length - 1) lane.splice(at, 1);
    }
  }
}
