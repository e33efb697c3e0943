import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.join(__dirname, "..", "..");

// Jest cannot import eslint.config.mjs (an ES module) in-process, so one child node lints every probe.
const LINT_PROBES = `
const { ESLint } = require("eslint");
const probes = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
const eslint = new ESLint({ cwd: process.cwd() });
Promise.all(probes.map(async ({ code, file }) => {
  const [result] = await eslint.lintText(code, { filePath: require("node:path").resolve(file) });
  return result.messages.map((m) => m.ruleId ?? m.message);
})).then((ids) => process.stdout.write(JSON.stringify(ids)));
`;

/** Rule ids eslint reports for each code sample as if it were the file named beside it. */
function lint(probes: { code: string; file: string }[]): string[][] {
  const out = execFileSync(process.execPath, ["-e", LINT_PROBES], { cwd: root, input: JSON.stringify(probes) });
  return JSON.parse(out.toString());
}

const hostCode = [
  'import { readFileSync } from "node:fs";',
  'import path from "path";',
  'import ExcelJS from "exceljs";',
  'import { useState } from "react";',
  'import { readWorkbook } from "../adapters/xlsx/readWorkbook";',
  "export const all = [readFileSync, path, ExcelJS, useState, readWorkbook];",
  "export const host = (range: Excel.Range) => [Office.context, range, process.env];",
  "",
].join("\n");

describe("src/engine stays host-free (eslint.config.mjs)", () => {
  it("rejects node, exceljs, React, Office.js and layer-crossing imports and globals in engine code only", () => {
    const nodeOnly = 'import { readFileSync } from "node:fs";\n\nexport const read = readFileSync;\n';
    const [engine, adapter, engineTest] = lint([
      { code: hostCode, file: "src/engine/probe.ts" },
      { code: nodeOnly, file: "src/adapters/xlsx/probe.ts" },
      { code: nodeOnly, file: "src/engine/probe.test.ts" },
    ]);
    expect(engine).toEqual([
      ...Array(5).fill("no-restricted-imports"),
      "no-restricted-syntax",
      "no-restricted-globals",
      "no-restricted-globals",
    ]);
    expect(adapter).toEqual([]);
    expect(engineTest).toEqual([]);
  });
});
