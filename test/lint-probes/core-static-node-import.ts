// lint-probe: src/core/probe/static-node-import.ts no-restricted-imports
// lint-probe: src/core/probe/static-node-import.ts no-restricted-globals
// allowed-at: src/cli/probe/static-node-import.ts
import { readFileSync } from "node:fs";

export const readSettings = (): string => readFileSync(`${process.cwd()}/settings.json`, "utf8");
