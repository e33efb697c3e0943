// Prints the task pane's initial JavaScript (the scripts taskpane.html loads) gzipped, and the lazy chunks;
// exits 1 when the initial JavaScript is above the budget (300 KiB gzipped). Run after `npm run build`
// (or pass another build folder: `node scripts/bundle-size.cjs /tmp/dist`).
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const BUDGET_KIB = 300;
const dist = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "dist"));
const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
const initial = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+\.js)"?/g)]
  .map((m) => m[1])
  .filter((src) => !/^https?:|office-js\//.test(src));
const kib = (bytes) => (bytes / 1024).toFixed(1);
const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;

let total = 0;
console.log("JavaScript ban đầu của ngăn tác vụ (taskpane.html):");
for (const file of initial) {
  const size = gz(file);
  total += size;
  console.log(`  ${file}: ${kib(size)} KiB gzip`);
}
console.log(`  Tổng: ${kib(total)} KiB gzip (giới hạn ${BUDGET_KIB} KiB)`);
const lazy = fs.readdirSync(dist).filter((f) => f.endsWith(".chunk.js") && !initial.includes(f));
if (lazy.length) {
  console.log("Tải khi cần (import()):");
  for (const file of lazy) console.log(`  ${file}: ${kib(gz(file))} KiB gzip`);
}
process.exit(total <= BUDGET_KIB * 1024 ? 0 : 1);
