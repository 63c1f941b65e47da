// Starts the TypeScript worker entry in a worker thread. On Node 20 a worker's
// `execArgv: ["--import", "tsx"]` does not reach its entry file ("Unknown file extension .ts"),
// so this plain-JS entry registers tsx's loader in the worker itself and then imports the entry.
// It works whether the parent runs under tsx, `node --import tsx` or vitest. The compiled runtime
// never loads this file: its build swaps it for build/solver-worker.mjs (scripts/runtime-build.mjs).
import { register } from "tsx/esm/api";

register();
await import("./node-worker.ts");
