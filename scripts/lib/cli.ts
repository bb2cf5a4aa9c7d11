/**
 * The shared front of every command: strict option parsing, `--help`, and
 * usage errors that print the usage line and exit with code 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Prints a usage error and exits with code 2; declare the variable holding it as `UsageError` so TypeScript narrows after a call. */
export type UsageError = (message: string) => never;

export function usageErrorFor(command: string, usage: string): UsageError {
  return (message) => {
    console.error(`${command}: ${message}\n${usage}`);
    process.exit(2);
  };
}

type Options = NonNullable<ParseArgsConfig['options']>;
type Value<T> = T extends { type: 'boolean' } ? boolean : string;
/** Parsed option values: options with a default are always set, others may be missing. */
export type Values<O extends Options> = { [K in keyof O]: O[K] extends { default: unknown } ? Value<O[K]> : Value<O[K]> | undefined };

/** Parses the command's arguments; `--help` prints the usage line and exits 0, anything unknown is a usage error. */
export function parseCommandLine<const O extends Options>(usageError: UsageError, usage: string, options: O, args = process.argv.slice(2)): { values: Values<O>; positionals: string[] } {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { ...options, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (parsed.values['help']) {
    console.log(usage);
    process.exit(0);
  }
  // parseArgs' own result type does not survive the generic options; the shape is the one Values describes.
  return { values: parsed.values as Values<O>, positionals: parsed.positionals };
}
