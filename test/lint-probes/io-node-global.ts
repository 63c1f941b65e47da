// src/io runs in the browser too; only its read-* files read from disk on Node.
// lint-probe: src/io/zoning/probe.ts no-restricted-globals
// allowed-at: src/io/zoning/read-probe.ts
export const workingFolder = (): string => process.cwd();
