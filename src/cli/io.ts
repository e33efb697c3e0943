/** Where a CLI command writes: real streams in `main`, buffers in tests. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

/** A subcommand: takes its own arguments (after the subcommand name) and returns the exit code. */
export type Command = (args: string[], io: CliIO) => Promise<number>;
