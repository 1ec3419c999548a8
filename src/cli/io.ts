/** Where a command writes: the process streams, or buffers in tests. */
export interface Output {
  write(s: string): unknown;
}

export interface Io {
  readonly stdout: Output;
  readonly stderr: Output;
}

export const processIo: Io = { stdout: process.stdout, stderr: process.stderr };

/** An Io that keeps what is written (tests, the demo's captured runs). */
export function bufferIo(): Io & { out(): string; err(): string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    out: () => out,
    err: () => err,
  };
}
