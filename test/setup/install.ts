import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

let aptUpdated = false;

/**
 * Installs Debian packages when this process may (root with apt-get); otherwise throws the one
 * sentence a developer needs.
 */
export function aptInstall(packages: string[], why: string, log: (message: string) => void): void {
  if (!isRoot() || !existsSync("/usr/bin/apt-get")) {
    throw new Error(`${why} is missing: install Debian's ${packages.join(" ")} (apt-get install -y ${packages.join(" ")}).`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  log(`installing ${packages.join(", ")} from Debian's packages…`);
  if (!aptUpdated) {
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    aptUpdated = true;
  }
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], { stdio: "inherit", env });
}
