// The `npm start` of before issue 15, kept as the baseline of bench/start-health.ts: it checks the
// client build, then runs the TypeScript server through tsx in a child process (transpiled at every start).
import { spawn } from "node:child_process";
import path from "node:path";
import { buildClientIfNeeded, repoRoot } from "../../scripts/client-build.mjs";

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
