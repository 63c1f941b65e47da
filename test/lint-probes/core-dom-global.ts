// lint-probe: src/core/probe/dom-global.ts no-restricted-globals
// tsc-probe: tsconfig.core.json TS2584
// allowed-at: src/app/probe/dom-global.ts tsconfig.app.json
export const pageTitle = (): string => document.title;
