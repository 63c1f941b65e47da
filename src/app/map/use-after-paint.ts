import { useEffect, useState } from "react";

/**
 * `value`, but only once `ready` is true and the browser has then painted and gone idle (at most
 * `idleTimeoutMs` later); if `ready` never comes, after `fallbackMs`. For map work that would
 * otherwise hold the main thread before the page shows the answer: a matching result's flows cost
 * Chromium about a second of tile and line work, and drawn at once they kept the results panel's
 * key figures off the screen that long ("Run matching" to key figures, issue 15:
 * bench/run-matching.ts). Drawn after the panel's paint, the figures show first, the lines follow.
 *
 * A change passes to `null` at once (the result closed, or a new one not yet drawn): never a stale value.
 */
export function useAfterPaint<T>(value: T | null, { ready = true, idleTimeoutMs = 500, fallbackMs = 2_000 } = {}): T | null {
  const [shown, setShown] = useState<T | null>(null);
  useEffect(() => {
    if (value === null) return;
    let cancelled = false;
    const show = () => {
      if (!cancelled) setShown(() => value);
    };
    if (!ready) {
      const fallback = window.setTimeout(show, fallbackMs);
      return () => {
        cancelled = true;
        window.clearTimeout(fallback);
      };
    }
    // The next frame is painted with what made `ready` true; then the first idle moment.
    const idleAvailable = typeof requestIdleCallback === "function";
    let idle: number | undefined;
    const frame = requestAnimationFrame(() => {
      idle = idleAvailable ? requestIdleCallback(show, { timeout: idleTimeoutMs }) : window.setTimeout(show, 0);
    });
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      if (idle === undefined) return;
      if (idleAvailable) cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, [value, ready, idleTimeoutMs, fallbackMs]);
  return shown === value ? value : null;
}
