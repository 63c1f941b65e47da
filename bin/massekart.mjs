#!/usr/bin/env node
// The `massekart` command: runs the compiled CLI (build/cli.mjs), built first when it is missing
// or older than its sources (scripts/runtime-build.mjs), in this same process.
import { buildRuntimeIfNeeded, runtimeEntry } from "../scripts/runtime-build.mjs";

try {
  // Build messages go to stderr so that `massekart … --out -` keeps stdout for the JSON.
  await buildRuntimeIfNeeded({ log: (message) => console.error(message) });
} catch (error) {
  console.error(`massekart: ${error.message}`);
  process.exit(2);
}
await import(runtimeEntry("cli").href);
