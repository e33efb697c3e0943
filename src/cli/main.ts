/**
 * `phuluc` command dispatcher: `check | merge | export`, `--help`, `--version`. Unknown input gets the
 * Vietnamese usage and exit 2. Has no side effects when imported; `runCli` is what the binary calls.
 */
import { version } from "../../package.json";
import { check } from "./check";
import { exportCommand } from "./export";
import { merge } from "./merge";
import type { CliIO, Command } from "./io";

const COMMANDS: Record<string, Command> = { check, merge, export: exportCommand };

export const USAGE = `PhuLuc ${version} — kiểm tra, tổng hợp và xuất các Phụ lục báo cáo (.xlsx)

Cách dùng:
  phuluc check TỆP.xlsx... [--json]          kiểm tra các Phụ lục trong từng tệp
  phuluc merge --template MẪU.xlsx ĐƠN_VỊ.xlsx... -o KẾT_QUẢ.xlsx [--json] [--force]
                                             tổng hợp các tệp của đơn vị vào mẫu
  phuluc export TỆP.xlsx -o ĐÍCH [--allow-errors] [--force] [--settings CÀI_ĐẶT.json]
                                             xuất file nộp từ bảng tổng hợp
  phuluc --help                              hướng dẫn này
  phuluc --version                           phiên bản

Chạy "phuluc <lệnh> --help" để xem chi tiết từng lệnh.`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(USAGE);
    return 2;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    io.out(USAGE);
    return 0;
  }
  if (name === "--version" || name === "-v") {
    io.out(version);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Lệnh không hợp lệ: “${name}”.\n\n${USAGE}`);
    return 2;
  }
  return command(rest, io);
}

/**
 * Each call writes one block; a trailing newline is added when the block lacks one, written apart
 * so that a large block (merge --json: tens of megabytes) is not copied to append it.
 */
function streamWriter(stream: NodeJS.WriteStream): (text: string) => void {
  return (text) => {
    stream.write(text);
    if (!text.endsWith("\n")) stream.write("\n");
  };
}

export async function runCli(argv: string[] = process.argv.slice(2)): Promise<void> {
  const io: CliIO = { out: streamWriter(process.stdout), err: streamWriter(process.stderr) };
  try {
    // exitCode (not exit()) lets piped output flush before Node ends.
    process.exitCode = await main(argv, io);
  } catch (error) {
    // Commands report expected failures themselves; anything here is a fault, shown without a stack.
    io.err(`Lỗi không mong đợi: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
