// `npm start`: builds the client and the compiled server when missing or stale, then runs the
// server (build/server.mjs) in this process with demo mode allowed.
import { buildClientIfNeeded } from "./client-build.mjs";
import { buildRuntimeIfNeeded, runtimeEntry } from "./runtime-build.mjs";

try {
  buildClientIfNeeded();
  await buildRuntimeIfNeeded();
} catch (error) {
  console.error(`Massekart could not start: ${error.message}`);
  process.exit(1);
}
// The server reads its flags from the command line, as when it is started as `node build/server.mjs --demo`.
if (!process.argv.includes("--demo")) process.argv.push("--demo");
await import(runtimeEntry("server").href);
