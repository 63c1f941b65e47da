// `npm run dev`: the API with reload on server changes (port 8787) and Vite's dev server with hot
// module reload (PORT, default 8080), which forwards /api and /basemap to the API.
import { spawn } from "node:child_process";
import path from "node:path";
import { repoRoot } from "./client-build.mjs";

const apiPort = process.env.MASSEKART_API_PORT ?? "8787";
const children = [
  spawn(process.execPath, [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), "watch", "src/server/main.ts", "--demo"], {
    cwd: repoRoot,
    stdio: "inherit",
    env: { ...process.env, PORT: apiPort },
  }),
  spawn(process.execPath, [path.join(repoRoot, "node_modules/vite/bin/vite.js")], {
    cwd: repoRoot,
    stdio: "inherit",
    env: { ...process.env, PORT: process.env.PORT ?? "8080", MASSEKART_API_URL: `http://127.0.0.1:${apiPort}` },
  }),
];
const stopAll = (signal) => children.forEach((child) => child.kill(signal));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAll(signal));
for (const child of children) child.on("exit", (code) => {
  stopAll("SIGTERM");
  process.exit(code ?? 0);
});
