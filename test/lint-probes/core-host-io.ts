// lint-probe: src/core/probe/host-io.ts no-restricted-globals
// tsc-probe: tsconfig.core.json TS2304
// allowed-at: src/io/probe/host-io.ts tsconfig.app.json
export const download = (url: string): Promise<Response> => fetch(url);
