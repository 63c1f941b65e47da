/**
 * Work in batches that lets other requests in between (issue 12: a 12,000-row CSV import or a
 * 20,000-polygon zoning import must not delay other requests by more than 1 s). PGlite runs each
 * statement on the event loop's thread, so a batch is one short statement, and the loop is given
 * back (a macrotask turn, so pending I/O is served) before the next.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Rows per multi-row insert: short statements (tens of ms on PGlite), few round trips. */
export const importBatchSize = 250;

/** Runs `work` on `items` in batches of `size`, yielding to the event loop between them. */
export async function inBatches<T>(items: readonly T[], size: number, work: (batch: readonly T[], start: number) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await work(items.slice(start, start + size), start);
    await yieldToEventLoop();
  }
}

/** `map` over `items`, yielding to the event loop every `every` items (for CPU-bound row checks). */
export async function mapYielding<T, U>(items: readonly T[], map: (item: T, index: number) => U, every = 500): Promise<U[]> {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % every === 0) await yieldToEventLoop();
    out.push(map(items[i]!, i));
  }
  return out;
}
