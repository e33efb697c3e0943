#!/usr/bin/env node
// Runs the bundled CLI. `npm install` builds it (the `prepare` script); say how to build it when missing.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const bundle = path.join(__dirname, "..", "dist", "cli", "phuluc.cjs");
if (!fs.existsSync(bundle)) {
  process.stderr.write(
    "PhuLuc: chưa có bản dựng của CLI (dist/cli/phuluc.cjs). Hãy chạy: npm run build:cli\n" +
      "PhuLuc: the CLI is not built yet (dist/cli/phuluc.cjs). Run: npm run build:cli\n",
  );
  process.exit(2);
}
require(bundle);
