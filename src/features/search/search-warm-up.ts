// Starts the search shards in their workers (restore or background build) ahead of first use.
import { appSearchClient } from '../../platform/search-client';

export async function warmUpSearch(): Promise<void> {
  await appSearchClient().warmUp();
}
