// lint-probe: src/server/routes/probe.ts no-restricted-globals
// tsc-probe: tsconfig.node.json TS2304
// allowed-at: src/app/probe/dom-global.ts tsconfig.app.json
export const currentPath = (): string => window.location.pathname;
