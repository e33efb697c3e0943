/**
 * Templates are data: what a rule or the merge needs to know of a template is in its policies, so a
 * new template is its definition file and nothing else. No module of src/engine outside templates/
 * may branch on a template id: compare one, switch on one, or look something up by one.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { TEMPLATE_IDS } from "./template";

const ID = `"(?:${TEMPLATE_IDS.join("|")})"`;
const BRANCHES = [
  new RegExp(`[!=]==?\\s*${ID}`),
  new RegExp(`${ID}\\s*[!=]==?`),
  new RegExp(`case\\s+${ID}`),
  /\[[\w.]*templateId\]/,
  /\.has\([\w.]*templateId\)/,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "templates" ? [] : sourceFiles(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

/** The lines of `text` that branch on a template id. */
function branches(text: string): string[] {
  return text.split("\n").filter((line) => BRANCHES.some((pattern) => pattern.test(line)));
}

describe("no template-id branches outside templates/", () => {
  it("finds none in src/engine", () => {
    const found = sourceFiles(__dirname).flatMap((file) =>
      branches(readFileSync(file, "utf8")).map((line) => `${relative(__dirname, file)}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });

  it("would catch each kind of branch", () => {
    const samples = [
      'if (table.templateId === "kinh-phi") return [];',
      'if ("dich-vu-cong" !== id) return;',
      '    case "chi-tieu":',
      "  return VALUE_ROLES[table.templateId];",
      "  if (INDICATORS.has(a.templateId)) return true;",
    ];
    for (const sample of samples) expect(branches(sample)).toEqual([sample]);
    expect(branches('  examples: [{ found: "kinh-phi", wanted: "chi-tieu" }],')).toEqual([]);
  });
});
