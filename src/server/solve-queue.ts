/**
 * At most N solves at a time per server (MASSEKART_MAX_CONCURRENT_SOLVES, issue 12), the rest
 * waiting first come, first served. Each solve is a worker thread holding a HiGHS model of up to a
 * few hundred MB; without a bound, a handful of users pressing "run" together would take the
 * server's memory and cores from everyone else.
 */

export interface SolveQueue {
  /**
   * Runs `task` when a slot is free. `key` names the waiting job so its place can be asked for
   * (a scenario run's id). Refused with `{ queued: false }` when `maxWaiting` jobs already wait.
   */
  enqueue<T>(key: string, task: () => Promise<T>): { queued: true; done: Promise<T> } | { queued: false };
  /** 1 for the next job to start, 2 for the one after …; undefined when `key` is running or unknown. */
  positionOf(key: string): number | undefined;
  /** Jobs running now and jobs waiting. */
  readonly running: number;
  readonly waiting: number;
}

export function createSolveQueue({ maxConcurrent, maxWaiting = 100 }: { maxConcurrent: number; maxWaiting?: number }): SolveQueue {
  const waiting: { key: string; start: () => void }[] = [];
  let running = 0;

  const startNext = () => {
    while (running < maxConcurrent && waiting.length > 0) {
      const next = waiting.shift()!;
      running++;
      next.start();
    }
  };

  return {
    enqueue<T>(key: string, task: () => Promise<T>) {
      if (waiting.length >= maxWaiting) return { queued: false } as const;
      const done = new Promise<T>((resolve, reject) => {
        waiting.push({
          key,
          start: () => {
            // A task that throws synchronously still frees its slot.
            Promise.resolve()
              .then(task)
              .then(resolve, reject)
              .finally(() => {
                running--;
                startNext();
              });
          },
        });
      });
      startNext();
      return { queued: true, done } as const;
    },
    positionOf(key: string) {
      const index = waiting.findIndex((job) => job.key === key);
      return index < 0 ? undefined : index + 1;
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
  };
}
