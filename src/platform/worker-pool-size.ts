// How many workers a pool may run: one per core, leaving one core to the UI thread, at least one
// and at most four (more workers than that cost memory and start-up time for no gain here).
export const MAX_POOL_SIZE = 4;

export function defaultPoolSize(
  hardwareConcurrency: number | undefined = readHardwareConcurrency(),
): number {
  const cores =
    Number.isFinite(hardwareConcurrency) && hardwareConcurrency! > 0 ? hardwareConcurrency! : 2;
  return Math.max(1, Math.min(MAX_POOL_SIZE, Math.floor(cores) - 1));
}

function readHardwareConcurrency(): number | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency;
}
