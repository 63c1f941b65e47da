import { readFileSync } from "node:fs";
import { distancesCommand } from "./commands/distances";
import { schemaCommand } from "./commands/schema";
import { solveCommand } from "./commands/solve";
import { suitabilityCommand } from "./commands/suitability";
import { usersCommand } from "./commands/users";

/** Sub-commands arrive with their issues (solve, distances, suitability, import); each registers here. */
const commands: Record<string, { summary: string; run: (args: string[]) => Promise<number> }> = {
  distances: distancesCommand,
  schema: schemaCommand,
  solve: solveCommand,
  suitability: suitabilityCommand,
  users: usersCommand,
};

const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

function usage(): string {
  const lines = ["Usage: massekart <command> [options]", "", "Commands:"];
  for (const [name, command] of Object.entries(commands)) lines.push(`  ${name.padEnd(14)}${command.summary}`);
  if (Object.keys(commands).length === 0) lines.push("  (none yet in this version)");
  lines.push("", "Options:", "  --help        show this help", "  --version     show the version");
  return lines.join("\n");
}

async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === "--help" || name === "-h") {
    console.log(usage());
    return 0;
  }
  if (name === "--version") {
    console.log(packageJson.version);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`massekart: unknown command "${name}".\n\n${usage()}`);
    return 1;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`massekart: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
