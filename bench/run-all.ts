// Runs every benchmark in bench/ in turn (npm run bench), each in its own process so one bench's
// memory and JIT state do not colour the next. A bench is a top-level bench/*.ts file that no other
// bench file names: files another bench imports or spawns are its helpers, and "*-tmp.ts" /
// "tmp-*.ts" are scratch files. Exits non-zero if any bench does.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const benchDir = fileURLToPath(new URL("./", import.meta.url));
const self = path.basename(fileURLToPath(import.meta.url));
const files = readdirSync(benchDir)
  .filter((file) => file.endsWith(".ts") && file !== self && !file.endsWith("-tmp.ts") && !file.startsWith("tmp-"))
  .sort();
const sources = new Map(files.map((file) => [file, readFileSync(path.join(benchDir, file), "utf8")]));
const isHelper = (file: string) => {
  const name = file.replace(/\.ts$/, "");
  const mention = new RegExp(`["'/]${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\.ts)?["']`);
  return [...sources].some(([other, text]) => other !== file && mention.test(text));
};
const benches = files.filter((file) => !isHelper(file));

let failed = 0;
for (const file of benches) {
  console.log(`\n=== bench/${file} ===`);
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join(benchDir, file)], { stdio: "inherit", cwd: path.dirname(benchDir) });
  if (run.status !== 0) {
    failed++;
    console.error(`bench/${file} exited with ${run.status ?? run.signal}`);
  }
}
console.log(`\n${benches.length - failed} of ${benches.length} benches passed (${benches.join(", ")}).`);
process.exit(failed > 0 ? 1 : 0);
