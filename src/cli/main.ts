/**
 * `phuluc` command dispatcher: `check | merge | export | explain | status | return | approve`, `--help`, `--version`. Unknown input gets the
 * Vietnamese usage and exit 2. Has no side effects when imported; `runCli` is what the binary calls.
 */
import { version } from "../../package.json";
import { check } from "./check";
import { exportCommand } from "./export";
import { merge } from "./merge";
import { approveCommand, explainCommand, returnCommand, statusCommand } from "./review";
import type { CliIO, Command } from "./io";

const COMMANDS: Record<string, Command> = {
  check,
  merge,
  export: exportCommand,
  status: statusCommand,
  approve: approveCommand,
  return: returnCommand,
  explain: explainCommand,
};

export const USAGE = `PhuLuc ${version} — kiểm tra, tổng hợp và xuất các Phụ lục báo cáo (.xlsx)

Cách dùng:
  phuluc check TỆP.xlsx... [--json]          kiểm tra các Phụ lục trong từng tệp
  phuluc merge --template MẪU.xlsx ĐƠN_VỊ.xlsx... -o KẾT_QUẢ.xlsx [--json] [--force]
                                             tổng hợp các tệp của đơn vị vào mẫu
  phuluc export TỆP.xlsx -o ĐÍCH [--allow-errors] [--force] [--settings CÀI_ĐẶT.json] [--with-explanations]
                                             xuất file nộp từ bảng tổng hợp
  phuluc explain TỆP.xlsx --sheet TRANG --cell Ô --rule QUY_TẮC --text "…" (-o ĐÍCH | --in-place)
                                             lưu giải trình cho một phát hiện trong sổ tính
  phuluc status TỔNG_HỢP.xlsx [--json]       tình trạng nộp của từng đơn vị
  phuluc return TỔNG_HỢP.xlsx --unit ĐƠN_VỊ -o PHẢN_HỒI.xlsx
                                             trả lại đơn vị: tệp phản hồi có ghi chú trên từng ô
  phuluc approve TỔNG_HỢP.xlsx --unit ĐƠN_VỊ [--by TÊN]
                                             duyệt số liệu của đơn vị (khóa trước lần tổng hợp sau)
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

/**
 * `phuluc check … | head`: once the reader has gone, what is left to print has nowhere to go. Node
 * raises EPIPE as an unhandled 'error' event (a stack trace, exit 1) — the files are already written,
 * so the rest of the output is dropped quietly instead.
 */
function dropOutputAfterReaderCloses(stream: NodeJS.WriteStream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}

export async function runCli(argv: string[] = process.argv.slice(2)): Promise<void> {
  dropOutputAfterReaderCloses(process.stdout);
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
