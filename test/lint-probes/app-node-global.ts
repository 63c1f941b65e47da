// lint-probe: src/app/features/probe/node-global.ts no-restricted-globals
// tsc-probe: tsconfig.app.json TS2591
// allowed-at: src/server/probe/node-global.ts tsconfig.node.json
export const isProduction = (): boolean => process.env.NODE_ENV === "production";
