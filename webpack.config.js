/**
 * Task pane + ribbon function file.
 * - Production loads office.js from Microsoft's CDN (Office requires it for store/centrally deployed add-ins).
 * - Development (and tests: `--env office=local`) load the copy from @microsoft/office-js, so nothing needs the
 *   internet. office.js looks for o15apptofilemappingtable.js and the host scripts next to itself, so they are
 *   copied into the same folder.
 * - exceljs is reached only through `import()` (file mode), so webpack gives it its own chunk.
 * - Production builds fail when the pane's initial JavaScript is above 300 KiB gzipped (scripts/bundle-size.cjs):
 *   the pane opens inside Excel on office PCs, where every KiB delays the first check.
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { measureBundle, bundleReport } = require("./scripts/bundle-size.cjs");

const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_LOCAL_DIR = "office-js";
const OFFICE_DIST = path.join(__dirname, "node_modules", "@microsoft", "office-js", "dist");
const DEV_CERTS = path.join(os.homedir(), ".office-addin-dev-certs");
const PORT = 3000;

const devCert = path.join(DEV_CERTS, "localhost.crt");
const devKey = path.join(DEV_CERTS, "localhost.key");

/** True when `npx office-addin-dev-certs install` has written the localhost certificates. */
function hasDevCerts() {
  return fs.existsSync(devCert) && fs.existsSync(devKey);
}

/** https with the certificates `office-addin-dev-certs install` wrote, when they exist; plain http otherwise. */
function devServerProtocol() {
  const cert = devCert;
  const key = devKey;
  const ca = path.join(DEV_CERTS, "ca.crt");
  if (!hasDevCerts()) return "http";
  return {
    type: "https",
    options: {
      cert: fs.readFileSync(cert),
      key: fs.readFileSync(key),
      ca: fs.existsSync(ca) ? fs.readFileSync(ca) : undefined,
    },
  };
}

/** Prints the gzipped sizes after the files are written and makes the build fail above the budget. */
class BundleBudgetPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap("BundleBudgetPlugin", (compilation) => {
      const size = measureBundle(compiler.outputPath);
      console.log(bundleReport(size));
      if (!size.withinBudget) {
        compilation.errors.push(
          new compiler.webpack.WebpackError(
            `JavaScript ban đầu của ngăn tác vụ vượt giới hạn: ${(size.total / 1024).toFixed(1)} KiB gzip > ${size.budget / 1024} KiB (scripts/bundle-size.cjs).`,
          ),
        );
      }
    });
  }
}

/**
 * The pages' Content-Security-Policy: scripts, workers and requests only from the add-in's own origin and, in
 * production, Microsoft's office.js CDN (office.js loads its host scripts from there). Styles allow 'unsafe-inline'
 * because Fluent UI (griffel) inserts its style rules at run time; images may be data: URLs (Fluent icons).
 * Development builds use eval source maps, hence 'unsafe-eval' there only. Frames fall under default-src: office.js
 * embeds a logging frame from telemetryservice.firstpartyapps.oaspapps.com three seconds after it loads (its
 * ULSEndpointProxy, only for uploading its own logs); the pane needs no telemetry, so that frame is refused.
 */
function csp({ officeOrigin, production }) {
  const office = officeOrigin ? ` ${officeOrigin}` : "";
  return [
    "default-src 'self'",
    `script-src 'self'${office}${production ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${office}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const localOffice = !production || env.office === "local";
  const officeJsUrl = localOffice ? `${OFFICE_LOCAL_DIR}/office.js` : OFFICE_CDN;
  const contentSecurityPolicy = csp({ officeOrigin: localOffice ? undefined : new URL(OFFICE_CDN).origin, production });

  const officeCopies = localOffice
    ? [
        {
          from: OFFICE_DIST,
          to: OFFICE_LOCAL_DIR,
          // office.js itself, its file-mapping table, the Excel host scripts and the string tables we use.
          globOptions: {
            ignore: ["**/*.debug.js", "**/*.d.ts", "**/*.ts"],
          },
          filter: (file) => {
            const rel = path.relative(OFFICE_DIST, file).split(path.sep).join("/");
            return (
              rel === "office.js" ||
              rel === "o15apptofilemappingtable.js" ||
              /^excel-[a-z0-9.-]+(?<!\.debug)\.js$/.test(rel) ||
              /^(en-us|vi-vn)\/office_strings\.js$/.test(rel)
            );
          },
        },
      ]
    : [];

  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].chunk.js",
      publicPath: "",
      clean: { keep: /^cli\// },
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json", transpileOnly: true } },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        officeJsUrl,
        contentSecurityPolicy,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        officeJsUrl,
        contentSecurityPolicy,
      }),
      new CopyWebpackPlugin({
        patterns: [{ from: "assets/*.png", to: "assets/[name][ext]" }, ...officeCopies],
      }),
      ...(production ? [new BundleBudgetPlugin()] : []),
    ],
    optimization: {
      splitChunks: {
        cacheGroups: {
          // exceljs is only reached by import() in file mode: one named lazy chunk.
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "exceljs", chunks: "async", priority: 10 },
        },
      },
    },
    performance: {
      // exceljs (file mode only) is a lazy chunk above webpack's default hint; the initial budget is enforced by
      // BundleBudgetPlugin above (≤ 300 KiB gzipped).
      hints: false,
    },
    devServer: {
      host: "localhost",
      port: PORT,
      server: devServerProtocol(),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: [{ directory: path.join(__dirname, "assets"), publicPath: "/assets" }],
      client: { overlay: { warnings: false, errors: true } },
      hot: false,
    },
  };
};

/** For scripts/start.cjs: which address the dev server will answer on. */
module.exports.devServerUrl = () => `${hasDevCerts() ? "https" : "http"}://localhost:${PORT}`;
