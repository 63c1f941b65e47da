// lint-probe: src/app/features/probe/buffer.ts no-restricted-globals
// tsc-probe: tsconfig.app.json TS2591
// allowed-at: src/cli/probe/buffer.ts tsconfig.node.json
export const asBase64 = (text: string): string => Buffer.from(text).toString("base64");
