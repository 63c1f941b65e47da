// Starts bench/support/registry-load-server.ts in its own process (so a load generator or a browser
// does not share its event loop) and answers its URL once it prints "READY <url>".
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { repoRoot } from "./report";

export interface RegistryServer {
  url: string;
  stop(): Promise<void>;
}

/** A server over a fresh embedded database in `dataDir` with `projects` generated projects and `lots` lots; `cache` false is the baseline without the registry cache. */
export async function startRegistryServer(dataDir: string, projects: number, lots: number, cache: boolean): Promise<RegistryServer> {
  const args = [path.join(repoRoot, "bench/support/registry-load-server.ts"), dataDir, String(projects), String(lots), cache ? "cache" : "no-cache"];
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { cwd: repoRoot, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line.startsWith("READY ")) resolve(line.slice(6));
    });
    child.once("exit", (code) => reject(new Error(`the bench server ended (${code}) before it was ready`)));
  });
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
