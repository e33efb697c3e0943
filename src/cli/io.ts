import { PhuLucError } from "../engine/errors";

/** Where a CLI command writes: real streams in `main`, buffers in tests. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

/** A subcommand: takes its own arguments (after the subcommand name) and returns the exit code. */
export type Command = (args: string[], io: CliIO) => Promise<number>;

/** The value of a numeric option (`--max-mb 25`), or a Vietnamese message saying what is wanted. */
export function positiveNumber(flag: string, text: string | undefined, integer = true): number {
  const value = Number(text);
  if (!text || !(value > 0) || (integer && !Number.isInteger(value))) {
    const wanted = integer ? "một số nguyên dương" : "một số dương";
    throw new PhuLucError("bad-argument", `${flag} cần ${wanted} (nhận được “${text ?? ""}”).`);
  }
  return value;
}

/** `--max-mb N` in bytes. */
export const maxMbArg = (flag: string, text: string | undefined) => positiveNumber(flag, text, false) * 1024 * 1024;
