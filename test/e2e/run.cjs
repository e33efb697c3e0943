// `npm run test:e2e`: builds the pane (production bundle, office.js from node_modules so nothing needs the
// internet), serves dist/ on 127.0.0.1, starts Debian's chromium through playwright-core with a fresh profile,
// runs every test/e2e/*.e2e.ts (default export: async (h: E2EHarness) => void) and prints `N passed, N failed`.
// Set E2E_SKIP_BUILD=1 to reuse an existing dist/ built with `--env office=local`.
const fs = require("node:fs");
const http = require("node:http");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const root = path.join(__dirname, "..", "..");
// E2E_DIST builds and serves elsewhere (e.g. while another build writes dist/).
const dist = path.resolve(root, process.env.E2E_DIST || "dist");
const artifactsDir = path.join(root, "test-artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".map": "application/json",
  ".xml": "application/xml",
};

function build() {
  if (process.env.E2E_SKIP_BUILD === "1" && fs.existsSync(path.join(dist, "taskpane.html"))) return;
  console.log("Đang build ngăn tác vụ (webpack --mode production --env office=local)…");
  const webpack = path.join(root, "node_modules", ".bin", "webpack");
  const result = spawnSync(webpack, ["--mode", "production", "--env", "office=local", "--output-path", dist], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("Build thất bại.");
}

/** A static server for dist/ on 127.0.0.1 (random port); nothing outside dist/ is served. */
function serve() {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    const file = path.normalize(path.join(dist, urlPath === "/" ? "taskpane.html" : urlPath));
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": MIME[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`Không thấy ${CHROMIUM}: cài bằng \`apt-get install -y chromium\` rồi chạy lại.`);
    console.log("0 passed, 1 failed");
    return 1;
  }
  build();
  require("tsx/cjs/api").register();
  const { fixtureMaker } = require("./harness.ts");
  const { chromium } = require("playwright-core");

  fs.mkdirSync(artifactsDir, { recursive: true });
  const server = await serve();
  const baseUrl = `http://127.0.0.1:${server.address().port}`;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-chromium-"));
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 420, height: 900 },
  });
  const fixtures = fixtureMaker();
  const only = process.argv[2];
  const specs = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".e2e.ts") && (!only || f.includes(only)))
    .sort();
  let passed = 0;
  let failed = 0;
  try {
    for (const spec of specs) {
      const page = await browser.newPage();
      // tsx compiles the specs with esbuild's keepNames, which wraps named functions in `__name(fn, "name")`; a
      // function a spec passes to page.evaluate is sent as its source text and runs in the page, where that
      // helper must exist too (the same definition esbuild emits: it names the function and returns it).
      await page.addInitScript({
        content:
          'globalThis.__name = (target, value) => Object.defineProperty(target, "name", { value, configurable: true });',
      });
      const consoleErrors = [];
      page.on("pageerror", (err) => consoleErrors.push(err.message));
      try {
        const run = require(path.join(__dirname, spec)).default;
        await run({ page, baseUrl, artifactsDir, fixture: fixtures.fixture });
        passed++;
        console.log(`✓ ${spec}`);
      } catch (err) {
        failed++;
        console.log(`✗ ${spec}: ${err.message}`);
        if (consoleErrors.length) console.log(`  lỗi trong trang: ${consoleErrors.join(" | ")}`);
        await page.screenshot({ path: path.join(artifactsDir, `${spec}.failure.png`), fullPage: true }).catch(() => {});
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
    fixtures.cleanup();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && specs.length > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err.stack || err.message);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
