#!/usr/bin/env node
// The `massekart` command: runs the TypeScript CLI through tsx, so no build step is needed.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const main = fileURLToPath(new URL("../src/cli/main.ts", import.meta.url));
// tsx resolved from this package, not from the caller's folder, so `massekart` works anywhere.
const tsx = import.meta.resolve("tsx");
const child = spawn(process.execPath, ["--import", tsx, main, ...process.argv.slice(2)], { stdio: "inherit" });
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
