import { parseArgs } from "node:util";

/** Options a command takes (with a value, or switches without one) and what came of reading them. */
export type ReadOptions<Name extends string, Flag extends string = never> =
  | { ok: true; values: Partial<Record<Name, string>>; flags: Partial<Record<Flag, boolean>>; positionals: string[]; help: boolean }
  | { ok: false; problem: string };

/**
 * Reads `--name value` and `--name=value` options with Node's own parser (node:util parseArgs),
 * plus `--help`/`-h`; unknown options and missing values become a problem sentence, not a throw.
 * @param names the option names without dashes, e.g. ["out", "objective"]
 */
export function readOptions<Name extends string, Flag extends string = never>(
  args: readonly string[],
  names: readonly Name[],
  { positionals = false, booleans = [] }: { positionals?: boolean; booleans?: readonly Flag[] } = {},
): ReadOptions<Name, Flag> {
  const options = Object.fromEntries([
    ...names.map((name) => [name, { type: "string" as const }]),
    ...booleans.map((name) => [name, { type: "boolean" as const }]),
    ["help", { type: "boolean" as const, short: "h" }],
  ]);
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals: positionals, strict: true });
    const { help, ...all } = parsed.values as Record<string, string | boolean | undefined>;
    const isFlag = (name: string) => booleans.some((flag) => flag === name);
    const values = Object.fromEntries(Object.entries(all).filter(([name]) => !isFlag(name)));
    const flags = Object.fromEntries(Object.entries(all).filter(([name]) => isFlag(name)));
    return {
      ok: true,
      values: values as Partial<Record<Name, string>>,
      flags: flags as Partial<Record<Flag, boolean>>,
      positionals: parsed.positionals,
      help: help === true,
    };
  } catch (error) {
    return { ok: false, problem: describeParseError(error) };
  }
}

/** Node's messages, shortened to what a user needs ("unknown option --foo", "--out needs a value"). */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value`;
  const positional = /Unexpected argument '([^']+)'/.exec(message);
  if (positional) return `unexpected argument ${positional[1]}`;
  return message;
}

/** `readOptions` for commands that name their options with the dashes ("--out"), keyed the same way. */
export function readFlagOptions<Flag extends `--${string}`>(args: readonly string[], flags: readonly Flag[]): ReadOptions<Flag> {
  const read = readOptions(
    args,
    flags.map((flag) => flag.slice(2)),
  );
  if (!read.ok) return read;
  const values = Object.fromEntries(Object.entries(read.values).map(([name, value]) => [`--${name}`, value]));
  return { ...read, values: values as Partial<Record<Flag, string>> };
}

/**
 * The solve time limit a command takes from MASSEKART_SOLVE_TIMEOUT_S (seconds, decimals allowed),
 * the same setting the server reads; `fallback` when it is unset or empty.
 */
export function readSolveTimeout(env: NodeJS.ProcessEnv, fallback: number | undefined): { ok: true; seconds: number | undefined } | { ok: false; problem: string } {
  const text = env.MASSEKART_SOLVE_TIMEOUT_S;
  if (text === undefined || text === "") return { ok: true, seconds: fallback };
  const seconds = Number(text);
  if (!(seconds > 0) || !Number.isFinite(seconds)) {
    return { ok: false, problem: `MASSEKART_SOLVE_TIMEOUT_S must be a number of seconds > 0, got ${JSON.stringify(text)}` };
  }
  return { ok: true, seconds };
}
