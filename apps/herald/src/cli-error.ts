/**
 * Exit codes of every herald command: 0 done (an import of duplicates only included), 1 the command
 * ran and failed (an import that accepted nothing, a service that refused or cannot be reached, no
 * herald data), 2 the command cannot run as typed (a bad option; a file that is missing, a folder or
 * unreadable; JSON without --kind). Scripts tell "fix the command" from "look at the data" by them.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODES_HELP = `
Exit codes:
  0  done (an import of duplicates only included)
  1  failed: nothing imported, a service refused or cannot be reached, no herald data in the data folder
  2  cannot run as typed: a bad option; a file that is missing, a folder or unreadable; JSON without --kind`;

/** A failure told to the user as is: one line, then hints; no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.failed,
    readonly hints: readonly string[] = [],
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** What stderr shows for an error that ends a command, and the exit code. Never a stack trace. */
export function describeError(error: unknown): { text: string; exitCode: ExitCode } {
  if (error instanceof CliError) return { text: render(error.message, error.hints), exitCode: error.exitCode };
  const unreachable = unreachableReason(error);
  if (unreachable)
    return {
      text: render(`cannot reach ${unreachable.where}: ${unreachable.reason}`, ['is the service running? `herald start` runs them all']),
      exitCode: EXIT.failed,
    };
  const coded = error as { code?: unknown; status?: unknown; message?: unknown };
  const message = typeof coded.message === 'string' && coded.message ? coded.message : String(error);
  // The services' errors carry a stable code (IMPORT_NOT_CSV, UNAUTHORIZED…): shown, since people search for it.
  const code = typeof coded.code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(coded.code) ? ` (${coded.code})` : '';
  return { text: render(`${message}${code}`, []), exitCode: EXIT.failed };
}

function render(message: string, hints: readonly string[]): string {
  return `herald: ${message}\n${hints.map((h) => `  hint: ${h.replace(/\n/g, '\n        ')}\n`).join('')}`;
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'no such host',
  EHOSTUNREACH: 'host unreachable',
  ETIMEDOUT: 'timed out',
  ECONNRESET: 'the connection was reset',
  UND_ERR_CONNECT_TIMEOUT: 'timed out',
};

/** fetch() says only "fetch failed"; the reason and the address are in its cause. Null for other errors. */
export function unreachableReason(error: unknown): { where: string; reason: string } | null {
  if (!(error instanceof TypeError) || error.message !== 'fetch failed') return null;
  const cause = error.cause as
    | { code?: string; message?: string; address?: string; port?: number; hostname?: string; errors?: { code?: string; address?: string; port?: number }[] }
    | undefined;
  const first = cause?.errors?.[0] ?? cause;
  const code = first?.code ?? cause?.code ?? '';
  const host = first?.address ?? cause?.hostname;
  const where = host ? `${host}${first?.port ? `:${first.port}` : ''}` : 'the service';
  return { where, reason: NETWORK_REASONS[code] ?? (code || cause?.message || 'network error') };
}
