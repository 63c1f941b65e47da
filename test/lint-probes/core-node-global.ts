// lint-probe: src/core/probe/node-global.ts no-restricted-globals
// tsc-probe: tsconfig.core.json TS2591
// allowed-at: src/server/probe/node-global.ts tsconfig.node.json
export const homeFolder = (): string | undefined => process.env.HOME;
