// Placeholder; filled by the B13/B14 client bench.
document.title = 'ready';
