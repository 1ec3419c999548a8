/**
 * Errors of the command line. Expected problems (bad input, bad usage) are CliErrors or the
 * engine's KaErrors: one line, no stack trace, exit code 2. Anything else is a bug or an
 * environment failure: exit code 1.
 */
import { isKaError, messageIn } from "../engine/errors";
import { Locale, text } from "../strings";

export const EXIT_OK = 0;
const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export type MessageArgs = Record<string, string | number>;

export class CliError extends Error {
  readonly key: string;
  readonly args: Readonly<MessageArgs>;
  readonly exitCode: number;

  constructor(key: string, args: MessageArgs = {}, exitCode = EXIT_USAGE) {
    super(text("en", key, args));
    this.name = "CliError";
    this.key = key;
    this.args = args;
    this.exitCode = exitCode;
  }

  render(locale: Locale): string {
    return text(locale, this.key, this.args);
  }
}

function isCliError(e: unknown): e is CliError {
  return e instanceof CliError;
}

/** The one-line message and exit code of any error, in a locale. */
export function describeError(e: unknown, locale: Locale): { message: string; exitCode: number } {
  if (isCliError(e)) return { message: e.render(locale), exitCode: e.exitCode };
  if (isKaError(e)) return { message: messageIn(e, locale), exitCode: EXIT_USAGE };
  const detail = e instanceof Error ? e.message : String(e);
  return { message: text(locale, "cli.error.unexpected", { detail }), exitCode: EXIT_FAILURE };
}
