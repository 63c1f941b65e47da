// lint-probe: src/core/probe/dynamic-node-import.ts no-restricted-syntax
// tsc-probe: tsconfig.core.json TS2307
// allowed-at: src/server/probe/dynamic-node-import.ts tsconfig.node.json
export const readText = async (file: string): Promise<string> => (await import("node:fs/promises")).readFile(file, "utf8");
