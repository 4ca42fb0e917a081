/** Tiny argv parser: positionals plus `--flag value` / `--flag=value` / boolean `--flag`. */
export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(argv: string[], booleanFlags: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq === -1 ? undefined : eq);
      if (eq !== -1) flags[name] = arg.slice(eq + 1);
      else if (booleanFlags.includes(name)) flags[name] = true;
      else {
        const next = argv[i + 1];
        if (next === undefined || next.startsWith('--')) throw new CliError(`--${name} needs a value`);
        flags[name] = next;
        i++;
      }
    } else positionals.push(arg);
  }
  return { positionals, flags };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags[name];
  return typeof value === 'string' ? value : undefined;
}

/** A user-facing CLI failure: printed as `error: message`, exits with `exitCode`. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}
