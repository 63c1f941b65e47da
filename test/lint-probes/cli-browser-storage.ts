// lint-probe: src/cli/commands/probe.ts no-restricted-globals
// tsc-probe: tsconfig.node.json TS2304
// allowed-at: src/app/features/probe/storage.ts tsconfig.app.json
export const lastProject = (): string | null => localStorage.getItem("project");
