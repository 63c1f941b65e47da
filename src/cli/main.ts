import { readFileSync } from "node:fs";

interface Command {
  summary: string;
  run: (args: string[]) => Promise<number>;
}

/**
 * Sub-commands arrive with their issues (solve, distances, suitability, import); each registers
 * here. Each loads when it runs, with only its own libraries: `massekart solve` need not load the
 * zoning readers, proj4 and Turf of `suitability` (measured by bench/solve-process.ts), and
 * `recommend`, whose whole process bench/allocation.ts times, loads only the engine.
 */
const commands: Record<string, () => Promise<Command>> = {
  distances: async () => (await import("./commands/distances")).distancesCommand,
  recommend: async () => (await import("./commands/recommend")).recommendCommand,
  schema: async () => (await import("./commands/schema")).schemaCommand,
  solve: async () => (await import("./commands/solve")).solveCommand,
  suitability: async () => (await import("./commands/suitability")).suitabilityCommand,
  users: async () => (await import("./commands/users")).usersCommand,
};

const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

async function usage(): Promise<string> {
  const lines = ["Usage: massekart <command> [options]", "", "Commands:"];
  for (const [name, load] of Object.entries(commands)) lines.push(`  ${name.padEnd(14)}${(await load()).summary}`);
  if (Object.keys(commands).length === 0) lines.push("  (none yet in this version)");
  lines.push("", "Options:", "  --help        show this help", "  --version     show the version");
  return lines.join("\n");
}

async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === "--help" || name === "-h") {
    console.log(await usage());
    return 0;
  }
  if (name === "--version") {
    console.log(packageJson.version);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    console.error(`massekart: unknown command "${name}".\n\n${await usage()}`);
    return 1;
  }
  return (await load()).run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`massekart: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
