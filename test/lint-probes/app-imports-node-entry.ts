// The browser cannot load a Node-only entry of src/io or src/solver.
// lint-probe: src/app/features/probe/node-entry.ts no-restricted-imports
// allowed-at: src/server/probe/node-entry.ts
export { solveInWorker } from "../../../solver/solve-in-worker";
