// lint-probe: src/core/probe/dynamic-highs-import.ts no-restricted-syntax
// allowed-at: src/solver/probe/dynamic-highs-import.ts
export const loadSolver = async (): Promise<unknown> => (await import("highs")).default;
