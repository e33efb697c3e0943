// `npm start`. Where desktop Excel can sideload the add-in (Windows, macOS): `office-addin-debugging start
// manifest.xml`, which starts the dev server and opens Excel with the add-in. Elsewhere (Linux: the tool only says
// "Platform not supported" and exits 0), build and serve the pane on localhost:3000 and say, in Vietnamese, how
// to open it: in a browser (file mode), or sideloaded into Excel on the web with manifest.xml.
const path = require("node:path");
const { spawn } = require("node:child_process");
const { devServerUrl } = require("../webpack.config.js");

const root = path.join(__dirname, "..");
// The workbook a newcomer opens first: the seeds' four Phụ lục (one real total error); see README "First run".
const example = path.join(root, "examples", "bao-cao-2024.xlsx");
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code ?? 0));
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
}

if (process.platform === "win32" || process.platform === "darwin") {
  console.log(`Excel sẽ mở kèm PhuLuc. Để thử, mở tệp ví dụ ${example} rồi bấm “Kiểm tra Phụ lục” trên thẻ Trang đầu.`);
  run(bin("office-addin-debugging"), [
    "start",
    "manifest.xml",
    "--app",
    "excel",
    "--dev-server",
    "npm run serve",
    "--dev-server-port",
    "3000",
  ]);
} else {
  const url = devServerUrl();
  const https = url.startsWith("https");
  console.log(
    [
      `Máy này (${process.platform}) không có Excel để tự nạp add-in, nên PhuLuc chỉ build và phục vụ ngăn tác vụ:`,
      ``,
      `  ${url}/taskpane.html`,
      ``,
      `Cách mở:`,
      `  1. Trong trình duyệt: mở địa chỉ trên. Ngăn sẽ báo “Không chạy trong Excel”; bấm “Mở file .xlsx” để kiểm tra`,
      `     một tệp Phụ lục (tệp chỉ được đọc, không bị sửa).`,
      `     Tệp ví dụ để thử: ${example}`,
      `  2. Trong Excel trên web (excel.office.com): mở một sổ tính (ví dụ tệp trên, tải lên OneDrive) → Trang đầu →`,
      `     Bổ trợ (Add-ins) → Thêm bổ trợ → Tải lên bổ trợ của tôi (Upload My Add-in) → chọn ${path.join(root, "manifest.xml")}.`,
      `     Nút “Kiểm tra Phụ lục” sẽ hiện trên thẻ Trang đầu.`,
      https
        ? `     Máy chủ đang dùng HTTPS với chứng chỉ của office-addin-dev-certs.`
        : `     Lưu ý: Excel trên web chỉ nạp add-in qua HTTPS. Hãy chạy \`npx office-addin-dev-certs install\` rồi \`npm start\` lại`,
      https ? `` : `     (máy chủ sẽ tự dùng https://localhost:3000 khi có chứng chỉ).`,
      `Dừng máy chủ: Ctrl+C.`,
      ``,
    ].join("\n"),
  );
  run(bin("webpack"), ["serve", "--mode", "development"]);
}
