/**
 * The same file named twice on a command line (`A.xlsx ./A.xlsx`, a glob and a name, a link to it):
 * one input, read once. Files are the same when `stat` (following links) gives the same device and
 * inode, as `-o` is compared with the inputs (outputPath.ts); a path that cannot be stat-ed is compared
 * resolved, and left for the reader to report.
 */
import { promises as fs } from "node:fs";
import path from "node:path";

export interface RepeatedFile {
  /** The later mention, dropped. */
  path: string;
  /** The first mention of the same file, kept. */
  sameAs: string;
}

async function identity(file: string): Promise<string> {
  try {
    const stat = await fs.stat(file);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return `path:${path.resolve(file)}`;
  }
}

export async function distinctFiles(paths: string[]): Promise<{ files: string[]; repeated: RepeatedFile[] }> {
  const firstOf = new Map<string, string>();
  const files: string[] = [];
  const repeated: RepeatedFile[] = [];
  for (const file of paths) {
    const id = await identity(file);
    const first = firstOf.get(id);
    if (first === undefined) {
      firstOf.set(id, file);
      files.push(file);
    } else repeated.push({ path: file, sameAs: first });
  }
  return { files, repeated };
}

export const repeatedFileMessage = (repeat: RepeatedFile): string =>
  `Tệp “${repeat.path}” là tệp “${repeat.sameAs}” đã nêu; chỉ tổng hợp một lần.`;
