// The task pane's initial JavaScript (the scripts taskpane.html loads) gzipped, and the lazy chunks, against the
// budget (300 KiB gzipped initial). webpack.config.js runs it after every production build and fails the build
// above the budget; by hand: `node scripts/bundle-size.cjs [build folder]` (exits 1 above the budget).
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const BUDGET_KIB = 300;

/** Gzipped sizes of a build folder's initial task-pane scripts and lazy chunks, in bytes. */
function measureBundle(dist) {
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const initialFiles = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+\.js)"?/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:|office-js\//.test(src));
  const gz = (file) => ({ file, bytes: zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length });
  const initial = initialFiles.map(gz);
  const lazy = fs
    .readdirSync(dist)
    .filter((f) => f.endsWith(".chunk.js") && !initialFiles.includes(f))
    .map(gz);
  const total = initial.reduce((sum, s) => sum + s.bytes, 0);
  return { initial, lazy, total, budget: BUDGET_KIB * 1024, withinBudget: total <= BUDGET_KIB * 1024 };
}

/** The measurement as the lines printed after a build. */
function bundleReport({ initial, lazy, total }) {
  const kib = (bytes) => (bytes / 1024).toFixed(1);
  return [
    "JavaScript ban đầu của ngăn tác vụ (taskpane.html):",
    ...initial.map((s) => `  ${s.file}: ${kib(s.bytes)} KiB gzip`),
    `  Tổng: ${kib(total)} KiB gzip (giới hạn ${BUDGET_KIB} KiB)`,
    ...(lazy.length ? ["Tải khi cần (import()):", ...lazy.map((s) => `  ${s.file}: ${kib(s.bytes)} KiB gzip`)] : []),
  ].join("\n");
}

module.exports = { measureBundle, bundleReport, BUDGET_KIB };

if (require.main === module) {
  const size = measureBundle(path.resolve(process.argv[2] ?? path.join(__dirname, "..", "dist")));
  console.log(bundleReport(size));
  process.exit(size.withinBudget ? 0 : 1);
}
