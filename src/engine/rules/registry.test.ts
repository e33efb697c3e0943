/** The registry against spec §4, and every rule's texts in every locale (the locale parity test). */
import { readdirSync } from "node:fs";
import { SEED_PHU_LUC_II } from "../../../test/fixtures/seedTables";
import { seedGrid } from "../../../test/fixtures/seedGrids";
import { checkGrid } from "../check";
import { renderMessage } from "../finding";
import { LOCALES } from "../locale";
import { RULE_DEFINITIONS, RULE_IDS, renderFinding, SHEET_RULES, type RuleDefinition } from ".";

/** Spec §4's table, in its order, with each rule's severity. */
const SPEC: [string, string][] = [
  ["unknown-template", "error"],
  ["missing-column", "error"],
  ["not-a-number", "error"],
  ["required-empty", "error"],
  ["unknown-unit", "warning"],
  ["numbering", "warning"],
  ["duplicate-row", "warning"],
  ["total-mismatch", "error"],
  ["parts-mismatch", "error"],
  ["ratio-mismatch", "error"],
  ["attainment-mismatch", "error"],
  ["assessment-contradiction", "error"],
  ["out-of-range", "error"],
  ["scale-suspect", "warning"],
  ["total-unverifiable", "warning"],
  ["plan-mismatch", "error"],
  ["period-regression", "warning"],
  ["outlier", "warning"],
  ["merge-conflict", "error"],
  ["missing-report", "warning"],
  ["unknown-row", "warning"],
  ["wrong-template", "error"],
  ["superseded", "info"],
];

/** Common Vietnamese words: an English text holding them is a Vietnamese text left untranslated. */
const VIETNAMESE_WORD = /\b(?:ghi|nhưng|chưa|không|của|trong|tệp|dòng|là)\b/u;

describe("rule registry", () => {
  it("has every rule of spec §4 once, with the spec's severity", () => {
    expect(RULE_DEFINITIONS.map((rule) => [rule.id, rule.severity])).toEqual(SPEC);
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
  });

  it("registers every rule file of this folder", () => {
    const files = readdirSync(__dirname)
      .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
      .map((name) => name.replace(/\.ts$/, ""))
      .filter((name) => !["index", "rule", "cells"].includes(name));
    expect(files.sort()).toEqual([...RULE_IDS].sort());
  });

  it("runs the sheet rules, and only them, in spec order", () => {
    expect(SHEET_RULES.map((rule) => rule.id)).toEqual([
      "not-a-number",
      "required-empty",
      "unknown-unit",
      "numbering",
      "duplicate-row",
      "total-mismatch",
      "parts-mismatch",
      "ratio-mismatch",
      "attainment-mismatch",
      "assessment-contradiction",
      "out-of-range",
      "scale-suspect",
      "total-unverifiable",
      "plan-mismatch",
      "period-regression",
      "outlier",
    ]);
  });
});

describe("locale parity", () => {
  it.each(RULE_DEFINITIONS.map((rule): [string, RuleDefinition] => [rule.id, rule]))(
    "%s has a label and renders every example in every locale",
    (_, rule) => {
      expect(Object.keys(rule.label).sort()).toEqual([...LOCALES].sort());
      expect(Object.keys(rule.message).sort()).toEqual([...LOCALES].sort());
      expect(rule.examples.length).toBeGreaterThan(0);
      for (const locale of LOCALES) expect(rule.label[locale].trim()).not.toBe("");
      expect(rule.label.en).not.toBe(rule.label.vi);
      for (const example of rule.examples) {
        const texts = LOCALES.map((locale) => renderMessage(rule, "D15", example, locale));
        for (const text of texts) {
          expect(text).not.toMatch(/undefined|NaN|\[object/);
          expect(text.length).toBeGreaterThan(20);
        }
        expect(texts[1]).not.toBe(texts[0]);
        expect(texts[1]).not.toMatch(VIETNAMESE_WORD);
      }
    },
  );

  it("renders a real finding again from its params, word for word", () => {
    const findings = checkGrid(seedGrid(SEED_PHU_LUC_II)).findings;
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(renderFinding(finding, "vi")).toBe(finding.message);
      expect(renderFinding(finding, "en")).toBe(finding.messageEn);
      // Params are plain data: the JSON the CLI writes renders the same message.
      expect(renderFinding(JSON.parse(JSON.stringify(finding)), "en")).toBe(finding.messageEn);
    }
  });
});
