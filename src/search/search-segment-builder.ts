// Building index segments in another thread. A first build of a shard is CPU-bound (10k × 2 KB
// prompts is ~3 s of one core), and segments are independent indexes, so the older half of them
// can be built by a helper worker while the shard's own worker builds the newer half; the helper
// sends each segment back as JSON, which loads in a fraction of its build time. The helper is
// optional: without one (tests, Node) or when it fails, everything is built in place.
import type { SearchDoc } from './search-documents';
import type { SearchIndex } from './search-index';
import { FastAddMiniSearch } from './search-minisearch';
import { indexOptions, SEGMENT_CAPACITY } from './search-shard-config';
import { forEachSliced } from './search-slicing';
import type { SearchKind, ShardName } from './search-types';

export interface SegmentBuilder {
  /** One serialized MiniSearch index per group of documents, in the same order. */
  build(shard: ShardName, groups: SearchDoc[][]): Promise<string[]>;
}

/** What the helper worker runs (workers/search-builder.worker.ts). */
export function buildSegmentsJSON(shard: ShardName, groups: SearchDoc[][]): string[] {
  return groups.map((docs) => {
    const segment = new FastAddMiniSearch<SearchDoc>(indexOptions(shard));
    for (const doc of docs) segment.add(doc);
    return JSON.stringify(segment);
  });
}

/**
 * Indexes `docs` (sorted oldest first, none indexed yet, all of `kind`) into `index`: with a
 * builder and enough documents, the older half of the segments is built by the helper while
 * this thread builds the newer half; the helper's part is built here after all if it fails.
 */
export async function addOldestFirst(
  index: SearchIndex,
  kind: SearchKind,
  docs: readonly SearchDoc[],
  builder: SegmentBuilder | null,
): Promise<void> {
  const capacity = SEGMENT_CAPACITY[kind];
  const groupCount = Math.floor(docs.length / capacity / 2);
  if (!builder || groupCount === 0) {
    await forEachSliced(docs, (doc) => index.upsert(doc));
    return;
  }
  const groups: SearchDoc[][] = [];
  for (let i = 0; i < groupCount; i++) groups.push(docs.slice(i * capacity, (i + 1) * capacity));
  const remote = builder.build(index.shard, groups).then(
    (built) => built,
    () => null,
  );
  await forEachSliced(docs.slice(groupCount * capacity), (doc) => index.upsert(doc));
  const built = await remote;
  if (built && built.length === groups.length)
    index.adoptOlderSegments(
      kind,
      groups.map((group, i) => ({ docs: group, json: built[i]! })),
    );
  else await forEachSliced(groups.flat(), (doc) => index.upsert(doc));
}
