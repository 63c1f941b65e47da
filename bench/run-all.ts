// `npm run bench`: runs every `bench:*` script of package.json in turn, each in its own process so
// one bench's memory and JIT state do not colour the next. The list is package.json's, so a new
// bench is added in one place. Exits non-zero if any bench does.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const { scripts } = JSON.parse(readFileSync(new URL("package.json", new URL("../", import.meta.url)), "utf8")) as {
  scripts: Record<string, string>;
};
const benches = Object.keys(scripts).filter((name) => name.startsWith("bench:")).sort();

let failed = 0;
for (const name of benches) {
  console.log(`\n=== npm run ${name} ===`);
  const run = spawnSync("npm", ["run", "--silent", name], { stdio: "inherit", cwd: repoRoot });
  if (run.status !== 0) {
    failed++;
    console.error(`${name} exited with ${run.status ?? run.signal}`);
  }
}
console.log(`\n${benches.length - failed} of ${benches.length} benches passed (${benches.join(", ")}).`);
process.exit(failed > 0 ? 1 : 0);
