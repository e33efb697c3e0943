// `npm run validate`: checks manifest.xml against the Office add-in XSD set kept in schemas/addin-manifest
// (offline, xmllint-wasm), then asks the online `office-addin-manifest validate` service only when it is
// reachable — it usually is not from these machines, and the schema check alone decides the exit code.
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { validateXML } = require("xmllint-wasm");

const root = path.join(__dirname, "..");
const manifestPath = path.resolve(process.argv[2] ?? path.join(root, "manifest.xml"));
const schemaDir = path.join(root, "schemas", "addin-manifest");

async function validateAgainstSchema() {
  const files = fs.readdirSync(schemaDir).filter((f) => f.endsWith(".xsd"));
  const load = (fileName) => ({ fileName, contents: fs.readFileSync(path.join(schemaDir, fileName), "utf8") });
  const result = await validateXML({
    xml: { fileName: path.basename(manifestPath), contents: fs.readFileSync(manifestPath, "utf8") },
    schema: load("OfficeAppManifestV1_1.xsd"),
    preload: files.filter((f) => f !== "OfficeAppManifestV1_1.xsd").map(load),
  });
  return result;
}

/**
 * The icons the manifest names must exist in assets/ at their stated size (icon-32.png is 32×32), and the pages
 * it names must be pages the build produces — the schema cannot see either.
 */
function checkReferencedFiles(xml) {
  const problems = [];
  const pages = new Set(["taskpane.html", "commands.html"]);
  for (const [, urlPath] of xml.matchAll(/https:\/\/localhost:3000\/([^"?#]+)/g)) {
    if (urlPath.startsWith("assets/")) {
      const file = path.join(root, urlPath);
      if (!fs.existsSync(file)) {
        problems.push(`thiếu tệp ${urlPath}`);
        continue;
      }
      const size = /icon-(\d+)\.png$/.exec(urlPath);
      const png = fs.readFileSync(file);
      if (size && (png.readUInt32BE(16) !== Number(size[1]) || png.readUInt32BE(20) !== Number(size[1]))) {
        problems.push(`${urlPath} không phải ${size[1]}×${size[1]} điểm ảnh`);
      }
    } else if (!pages.has(urlPath)) problems.push(`trang ${urlPath} không do bản build tạo ra`);
  }
  return [...new Set(problems)];
}

/**
 * The ExcelApi version the manifest requires must be the one the pane checks at start-up
 * (REQUIRED_EXCEL_API in src/adapters/excel/requirements.ts): otherwise Office offers the add-in to an
 * Excel the pane then refuses, or hides it from one that would run it.
 */
function checkExcelApiVersion(xml) {
  const source = fs.readFileSync(path.join(root, "src", "adapters", "excel", "requirements.ts"), "utf8");
  const required = /REQUIRED_EXCEL_API\s*=\s*"([\d.]+)"/.exec(source)?.[1];
  const requested = /<Set\s+Name="ExcelApi"\s+MinVersion="([\d.]+)"/.exec(xml)?.[1];
  if (!required) return ["không tìm thấy REQUIRED_EXCEL_API trong src/adapters/excel/requirements.ts"];
  if (requested !== required) {
    return [`manifest yêu cầu ExcelApi ${requested ?? "(không nêu)"} nhưng mã kiểm tra ExcelApi ${required}`];
  }
  return [];
}

function onlineValidatorReachable() {
  const probe = spawnSync(
    process.execPath,
    [
      "-e",
      "fetch('https://validationgateway.omex.office.net',{method:'HEAD'}).then(()=>process.exit(0),()=>process.exit(1))",
    ],
    { timeout: 5000 },
  );
  return probe.status === 0;
}

async function main() {
  if (!fs.existsSync(manifestPath)) {
    console.error(`Không tìm thấy tệp manifest: ${manifestPath}`);
    return 1;
  }
  const result = await validateAgainstSchema();
  if (!result.valid) {
    console.error(`✗ ${path.basename(manifestPath)} không hợp lệ theo lược đồ XSD (schema):`);
    for (const e of result.errors) console.error(`  ${e.loc ? `dòng ${e.loc.lineNumber}: ` : ""}${e.message}`);
    return 1;
  }
  console.log(`✓ ${path.basename(manifestPath)} hợp lệ theo lược đồ XSD (OfficeApp 1.1 + VersionOverrides 1.0).`);
  const xml = fs.readFileSync(manifestPath, "utf8");
  const problems = checkReferencedFiles(xml);
  if (problems.length) {
    console.error("✗ Manifest trỏ tới tệp không đúng:");
    for (const p of problems) console.error(`  ${p}`);
    return 1;
  }
  console.log("✓ Biểu tượng và trang mà manifest trỏ tới đều có, đúng kích thước.");
  const apiProblems = checkExcelApiVersion(xml);
  if (apiProblems.length) {
    for (const p of apiProblems) console.error(`✗ ${p}`);
    return 1;
  }
  console.log("✓ Phiên bản ExcelApi trong <Requirements> khớp với phiên bản mã kiểm tra.");

  if (!onlineValidatorReachable()) {
    console.log(
      "ℹ Không kết nối được dịch vụ kiểm tra trực tuyến của Microsoft: bỏ qua `office-addin-manifest validate`.",
    );
    return 0;
  }
  const bin = path.join(root, "node_modules", ".bin", "office-addin-manifest");
  const online = spawnSync(bin, ["validate", manifestPath], { stdio: "inherit", timeout: 60000 });
  if (online.status !== 0) console.log("ℹ Dịch vụ trực tuyến không xác nhận được manifest (xem thông báo ở trên).");
  return online.status === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`Lỗi khi kiểm tra manifest: ${err.message}`);
    process.exit(1);
  },
);
