// lint-probe: src/app/features/probe/dynamic-node-import.ts no-restricted-syntax
// allowed-at: src/server/probe/dynamic-node-import.ts
export const hostName = async (): Promise<string> => (await import("node:os")).hostname();
