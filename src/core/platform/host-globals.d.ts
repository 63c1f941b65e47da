// What src/core may use of the runtime it is loaded into: only what browsers, Web Workers and
// Node all offer (a clock, timers, abort signals), declared here because tsconfig.core.json has no
// DOM library and no Node types. Anything else core needs (fetch, files, the solver) is passed in.
// Only tsconfig.core.json reads this file; the other configs get the same names from lib.dom or
// @types/node, so tsconfig.json excludes it to avoid declaring them twice.

declare const performance: { now(): number };

// The handle is a number in browsers and an object in Node: core only hands it back to clearTimeout.
declare function setTimeout(callback: () => void, delayMs?: number): unknown;
declare function clearTimeout(handle: unknown): void;

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
}
declare class AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
