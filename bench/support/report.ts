// What the benchmarks share: medians, a plain-text table, and bench/results/<name>.json with the machine it ran on.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Prints rows as a right-aligned table under the given [key, label] columns. */
export function printTable(columns: [key: string, label: string][], rows: Record<string, unknown>[]): void {
  const cell = (value: unknown) => (typeof value === "number" ? (Number.isInteger(value) ? String(value) : value.toFixed(3)) : String(value ?? "–"));
  const table = [columns.map(([, label]) => label), ...rows.map((row) => columns.map(([key]) => cell(row[key])))];
  const widths = columns.map((_, c) => Math.max(...table.map((line) => (line[c] as string).length)));
  console.log(table.map((line) => line.map((text, c) => (c === 0 ? text.padEnd(widths[c] as number) : text.padStart(widths[c] as number))).join("  ")).join("\n"));
}

/** Writes bench/results/<name>.json with the date, the machine and its load average at the end. */
export function writeResults(name: string, results: Record<string, unknown>): void {
  const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, totalMemGB: Math.round(totalmem() / 2 ** 30), loadAverage1m: loadavg()[0] };
  mkdirSync(path.join(repoRoot, "bench/results"), { recursive: true });
  writeFileSync(path.join(repoRoot, `bench/results/${name}.json`), `${JSON.stringify({ date: new Date().toISOString(), machine, ...results }, null, 2)}\n`);
  console.error(`Wrote bench/results/${name}.json`);
}

/**
 * CPU seconds (user + system, all threads) that a process has used so far, with its live child
 * processes, from Linux's /proc (`/proc/<pid>/stat` fields 14–15, in clock ticks of 10 ms).
 * On a machine shared with other work, wall time mostly measures the wait for a core; CPU time
 * measures the work.
 */
export function processCpuSeconds(pid: number): number {
  const ticks = (id: number) => {
    try {
      const fields = readFileSync(`/proc/${id}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return 0;
    }
  };
  const children = (id: number): number[] => {
    try {
      return readFileSync(`/proc/${id}/task/${id}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const all = (id: number): number => ticks(id) + children(id).reduce((sum, child) => sum + all(child), 0);
  return all(pid) / 100;
}

/** CPU seconds used by this process's children that have ended and been waited for (`/proc/self/stat` cutime + cstime). */
export function endedChildrenCpuSeconds(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[13]) + Number(fields[14])) / 100;
}
