// `npm start`: builds the client if needed, then serves it with the API (demo mode allowed).
import { spawn } from "node:child_process";
import path from "node:path";
import { buildClientIfNeeded, repoRoot } from "./client-build.mjs";

try {
  buildClientIfNeeded();
} catch (error) {
  console.error(`Massekart could not start: ${error.message}`);
  process.exit(1);
}
const server = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), path.join(repoRoot, "src/server/main.ts"), "--demo"], {
  cwd: process.cwd(),
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
