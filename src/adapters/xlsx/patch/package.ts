/**
 * A workbook's package as the consolidated workbook is written from it: every part of the template kept
 * as it was, and only what the merge changes patched — sheets put or removed (with their `<sheet>`,
 * relationship and content type), shared strings and styles written back, the calculation chain dropped.
 * Reads with ooxml/ (Package, workbookXml); parts are named as partKey makes them (case-insensitive)
 * and written back under their names in the input zip. A part whose XML cannot be patched is an
 * UnpatchablePart naming it (unpatchable.ts).
 */
import { strToU8, zipSync } from "fflate";
import { partKey } from "../zipDirectory";
import { Package, parseRelationships, relsPart, type Relationship } from "../ooxml/parts";
import { decodeXml, XmlError } from "../ooxml/xml";
import { relationshipId, workbookPart, workbookParts } from "../ooxml/workbookXml";
import { escapeXml, withAttribute } from "./rawXml";
import { SharedStringTable, stringCells } from "./sharedStrings";
import { notAWorksheet, partPlace, xmlProblem } from "./unpatchable";
import { applyEdits, elements, type Edit, type XmlElement } from "./xmlElements";

export type ZipFiles = Record<string, Uint8Array>;
export type SheetState = "visible" | "hidden" | "veryHidden";
export interface SheetInfo {
  name: string;
  /** The worksheet part's name in the zip (`xl/worksheets/sheet1.xml`). */
  part: string;
  state: SheetState;
}

/** What the workbook needs of the styles patch (patch/styles.ts's StylePatch). */
export interface PartPatch {
  readonly changed: boolean;
  toXml(): string;
}

const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CONTENT_TYPES = "[content_types].xml";
const SPREADSHEETML = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
const WORKSHEET = { type: "worksheet", contentType: `${SPREADSHEETML}worksheet+xml` };
const SHARED_STRINGS = {
  type: "sharedStrings",
  contentType: `${SPREADSHEETML}sharedStrings+xml`,
  file: "sharedStrings.xml",
};
const STYLES = { type: "styles", contentType: `${SPREADSHEETML}styles+xml`, file: "styles.xml" };

/** One `<sheet>` of workbook.xml (CT_Sheet, §18.2.19), worksheet or not: localSheetId and activeTab count them all. */
interface SheetElement extends SheetInfo {
  element: XmlElement;
  relationship: string;
  /** The target part's key when the relationship is a worksheet's. */
  worksheet?: string;
}

export class WorkbookFile<S extends PartPatch = PartPatch> {
  /** Parts whose text was changed or created, by key. */
  private readonly edited = new Map<string, string>();
  /** Parts the input does not have, by key → their name, in the order they were created. */
  private readonly created = new Map<string, string>();
  private readonly removed = new Set<string>();
  private readonly workbookRels: string;
  /** The workbook part's folder as named in the zip (`xl/`): where new parts go. */
  private readonly folder: string;
  private readonly sharedStringsPart?: string;
  private readonly stylesPart?: string;
  /** `<workbookPr date1904="1">`: dates written as serial days of the 1904 system. */
  readonly date1904: boolean;
  private stringTable?: SharedStringTable;
  /** Cells referring to the shared strings added, less those gone, by the sheets written so far. */
  private stringCellsAdded = 0;
  private stylePatch?: S;

  private constructor(
    private readonly pkg: Package,
    private readonly workbook: string,
    private readonly makeStyles: (xml: string | undefined) => S,
  ) {
    this.workbookRels = relsPart(workbook);
    const name = pkg.nameOf(workbook);
    this.folder = name.slice(0, name.lastIndexOf("/") + 1);
    const parts = workbookParts(pkg);
    this.sharedStringsPart = parts.sharedStrings;
    this.stylesPart = parts.styles;
    this.date1904 = parts.date1904;
  }

  /** `makeStyles`: the styles patch over xl/styles.xml's text (`(xml) => new StylePatch(xml)`). */
  static async open<S extends PartPatch>(
    bytes: Uint8Array,
    makeStyles: (xml: string | undefined) => S,
  ): Promise<WorkbookFile<S>> {
    const pkg = await Package.open(bytes);
    return new WorkbookFile(pkg, workbookPart(pkg), makeStyles);
  }

  /** The worksheets in tab order (chart sheets left out, as the reader does). */
  sheets(): SheetInfo[] {
    return this.sheetElements()
      .filter((sheet) => sheet.worksheet !== undefined)
      .map(({ name, part, state }) => ({ name, part, state }));
  }

  /** A worksheet by name, compared as Excel does: case-insensitively. */
  sheet(name: string): SheetInfo | undefined {
    return this.sheets().find((sheet) => sameName(sheet.name, name));
  }

  /** A part's XML as patched so far. */
  text(part: string): string {
    const key = partKey(part);
    const text = this.has(key) ? (this.edited.get(key) ?? this.pkg.text(key)) : undefined;
    if (text === undefined) throw new Error(`workbook: no part ${part}`);
    return text;
  }

  /** Replaces a part's XML (a worksheet patched in place keeps its relationships). */
  setText(part: string, xml: string): void {
    const key = partKey(part);
    if (!this.has(key)) throw new Error(`workbook: no part ${part}`);
    this.stringCellsAdded += stringCells(xml) - stringCells(this.text(key));
    this.edited.set(key, xml);
    this.pkg.forget(key); // the input's text is not needed again: a large sheet is not held twice
  }

  /** The workbook part (xl/workbook.xml: sheets, defined names), as a part key. */
  get workbookPart(): string {
    return this.workbook;
  }

  /** A part's relationships as patched so far (none without a relationships part), to parts the package has. */
  relationshipsOf(part: string): Relationship[] {
    const key = partKey(part);
    const rels = relsPart(key);
    if (!this.has(rels)) return [];
    return parseRelationships(this.text(rels), key).filter(({ target }) => target !== undefined && this.has(target));
  }

  /** The parts [Content_Types].xml gives `contentType` (its `<Override>`s: charts, tables…), as part keys. */
  partsOfType(contentType: string): string[] {
    return elements(this.text(CONTENT_TYPES), "Override")
      .filter((override) => override.attributes.ContentType === contentType)
      .map((override) => partKey(override.attributes.PartName ?? ""))
      .filter((key) => this.has(key));
  }

  get strings(): SharedStringTable {
    const part = this.sharedStringsPart;
    return (this.stringTable ??= part
      ? new SharedStringTable(this.text(part), this.nameOf(part))
      : new SharedStringTable(undefined));
  }

  get styles(): S {
    const part = this.stylesPart;
    return (this.stylePatch ??= part
      ? this.inPart(part, () => this.makeStyles(this.text(part)))
      : this.makeStyles(undefined));
  }

  /**
   * A whole new worksheet XML for sheet `name` (it references no other part), with `state`. An existing
   * sheet keeps its tab, relationship and sheetId and loses its old relationships (drawings, comments…);
   * a new one is added after the last tab.
   */
  putSheet(name: string, xml: string, state: SheetState = "visible"): void {
    const existing = this.sheetElements().find((sheet) => sameName(sheet.name, name));
    const stateValue = state === "visible" ? undefined : state;
    if (existing) {
      if (existing.worksheet === undefined) throw notAWorksheet(existing.name);
      this.setText(existing.worksheet, xml);
      this.remove(relsPart(existing.worksheet));
      const { start, tag } = existing.element;
      this.update(this.workbook, (book) =>
        applyEdits(book, [{ start, end: start + tag.length, text: withAttribute(tag, "state", stateValue) }]),
      );
    } else {
      assertSheetName(name);
      // sheetN.xml with N unused, a removed part's included: its name goes on being the input's.
      let n = 1;
      while (this.pkg.has(partKey(this.sheetPartName(n))) || this.created.has(partKey(this.sheetPartName(n)))) n++;
      const part = this.add(this.sheetPartName(n), xml, WORKSHEET.contentType);
      const id = this.addRelationship(WORKSHEET.type, part);
      this.update(this.workbook, (book) => appendSheet(book, name, id, stateValue));
    }
    this.update(this.workbook, (book) => keepViewsValid(book, this.sheetElements()));
  }

  /** Removes a worksheet with everything that names it: its definedNames, and the views' tabs renumbered. */
  removeSheet(name: string): void {
    const sheets = this.sheetElements();
    const index = sheets.findIndex((sheet) => sheet.worksheet !== undefined && sameName(sheet.name, name));
    if (index < 0) throw new Error(`workbook: no sheet ${name}`);
    const sheet = sheets[index];
    if (!sheets.some((other, i) => i !== index && other.state === "visible")) {
      throw new Error(`workbook: ${name} is the only visible sheet`);
    }
    this.update(this.workbook, (book) => {
      const edits: Edit[] = [{ start: sheet.element.start, end: sheet.element.end, text: "" }];
      // CT_DefinedName's localSheetId (§18.2.5) is a `<sheet>`'s position: its names go, later ones move up.
      for (const { start, end, tag, content, attributes } of elements(book, "definedName")) {
        const local = attributes.localSheetId === undefined ? undefined : Number(attributes.localSheetId);
        if (local === index) {
          edits.push({ start, end, text: "" });
          continue;
        }
        if (local !== undefined && local > index) {
          edits.push({ start, end: start + tag.length, text: withAttribute(tag, "localSheetId", `${local - 1}`) });
        }
        const formula = decodeXml(content);
        const refless = withoutSheetRefs(formula, sheet.name);
        const contentStart = start + tag.length;
        if (refless !== formula)
          edits.push({ start: contentStart, end: contentStart + content.length, text: escapeXml(refless) });
      }
      const patched = applyEdits(book, edits);
      const rest = sheets.filter((_, i) => i !== index);
      return keepViewsValid(withoutEmpty(patched, "definedNames"), rest, index);
    });
    this.removeRelationship(sheet.relationship);
    this.stringCellsAdded -= stringCells(this.text(sheet.worksheet!));
    this.remove(sheet.worksheet!);
  }

  /** xl/calcChain.xml, its relationship and content type: Excel rebuilds it, a stale one makes it repair the file. */
  dropCalcChain(): void {
    const relationship = this.relationships().find((r) => r.type === "calcChain");
    if (relationship) this.removeRelationship(relationship.id);
    const part = relationship?.target ?? partKey(`${this.folder}calcChain.xml`);
    if (this.has(part)) this.remove(part);
  }

  /** `<calcPr fullCalcOnLoad="1">` (CT_CalcPr, §18.2.2): Excel calculates every formula on open; the other attributes kept. */
  calculateOnLoad(): void {
    this.update(this.workbook, withFullCalcOnLoad);
  }

  /** Every part as bytes: the input's in its zip order (unchanged ones as they were), then the new ones. */
  files(): ZipFiles {
    // Sheets written or removed without a text asked for still change the count of the part there is.
    if (this.stringTable || this.sharedStringsPart) this.strings.referencesAdded = this.stringCellsAdded;
    if (this.stringTable?.changed) this.writeBack(this.sharedStringsPart, SHARED_STRINGS, this.stringTable);
    if (this.stylePatch?.changed) this.writeBack(this.stylesPart, STYLES, this.stylePatch);
    const files: ZipFiles = {};
    for (const key of [...this.pkg.keys(), ...this.created.keys()]) {
      if (this.removed.has(key)) continue;
      const text = this.edited.get(key);
      files[this.nameOf(key)] = text === undefined ? this.pkg.bytes(key)! : strToU8(text);
    }
    return files;
  }

  private has(key: string): boolean {
    return !this.removed.has(key) && (this.created.has(key) || this.pkg.has(key));
  }

  private nameOf(key: string): string {
    return this.created.get(key) ?? this.pkg.nameOf(key);
  }

  private update(key: string, patch: (xml: string) => string): void {
    const xml = this.inPart(key, () => patch(this.text(key)));
    this.setText(key, xml);
  }

  /** `work` on part `key`: the XML it cannot read (an XmlError) is an UnpatchablePart naming the part. */
  private inPart<T>(key: string, work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw xmlProblem(error, partPlace(this.nameOf(key)));
    }
  }

  private sheetPartName(n: number): string {
    return `${this.folder}worksheets/sheet${n}.xml`;
  }

  private relationships() {
    return this.inPart(this.workbookRels, () => parseRelationships(this.text(this.workbookRels), this.workbook));
  }

  private sheetElements(): SheetElement[] {
    const byId = new Map(this.relationships().map((r) => [r.id, r]));
    return this.inPart(this.workbook, () => elements(this.text(this.workbook), "sheet")).map((element) => {
      const { name = "", state } = element.attributes;
      const relationship = relationshipId(element.attributes) ?? "";
      const target = byId.get(relationship);
      const worksheet =
        target?.type === WORKSHEET.type && target.target && this.has(target.target) ? target.target : undefined;
      return {
        name,
        part: worksheet === undefined ? "" : this.nameOf(worksheet),
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
        element,
        relationship,
        worksheet,
      };
    });
  }

  /** A new part with its content type (an `<Override>`, OPC Part 2 §10.1.2.2.3); returns its key. */
  private add(name: string, xml: string, contentType: string): string {
    const key = partKey(name);
    if (!this.pkg.has(key)) this.created.set(key, name);
    this.removed.delete(key);
    this.stringCellsAdded += stringCells(xml);
    this.edited.set(key, xml);
    this.update(CONTENT_TYPES, (types) => {
      if (overrideOf(types, key)) return types;
      const [root] = elements(types, "Types");
      const at = types.lastIndexOf(`</${root?.prefix ?? ""}Types>`);
      if (at < 0) throw new XmlError("workbook: no </Types> in [Content_Types].xml");
      const override = `<${root.prefix}Override PartName="/${escapeXml(name)}" ContentType="${contentType}"/>`;
      return types.slice(0, at) + override + types.slice(at);
    });
    return key;
  }

  /** Removes a part, its content type and its relationships part. */
  private remove(key: string): void {
    if (!this.has(key)) return;
    this.removed.add(key);
    this.edited.delete(key);
    this.update(CONTENT_TYPES, (types) => {
      const override = overrideOf(types, key);
      return override ? applyEdits(types, [{ start: override.start, end: override.end, text: "" }]) : types;
    });
    this.remove(relsPart(key));
  }

  /** A workbook relationship (`<Relationship>`, OPC Part 2 §9.3.2.2) to `target` with a fresh Id. */
  private addRelationship(type: string, target: string): string {
    return this.inPart(this.workbookRels, () => {
      const rels = this.text(this.workbookRels);
      const ids = elements(rels, "Relationship").map((r) => /^rId(\d+)$/.exec(r.attributes.Id ?? "")?.[1] ?? 0);
      const id = `rId${Math.max(0, ...ids.map(Number)) + 1}`;
      const [root] = elements(rels, "Relationships");
      const at = rels.lastIndexOf(`</${root?.prefix ?? ""}Relationships>`);
      if (at < 0) throw new XmlError("workbook: no </Relationships> in the workbook's relationships");
      const name = this.nameOf(target);
      const relative = escapeXml(name.startsWith(this.folder) ? name.slice(this.folder.length) : `/${name}`);
      const relationship = `<${root.prefix}Relationship Id="${id}" Type="${RELATIONSHIPS_NS}/${type}" Target="${relative}"/>`;
      this.setText(this.workbookRels, rels.slice(0, at) + relationship + rels.slice(at));
      return id;
    });
  }

  private removeRelationship(id: string): void {
    this.update(this.workbookRels, (rels) =>
      applyEdits(
        rels,
        elements(rels, "Relationship")
          .filter((r) => r.attributes.Id === id)
          .map(({ start, end }) => ({ start, end, text: "" })),
      ),
    );
  }

  /** A workbook-level part (shared strings, styles) written back, created with its relationship if the input had none. */
  private writeBack(key: string | undefined, kind: typeof STYLES, patch: PartPatch): void {
    const part = key ?? partKey(this.folder + kind.file);
    const xml = this.inPart(part, () => patch.toXml());
    if (this.has(part)) this.setText(part, xml);
    else this.add(this.folder + kind.file, xml, kind.contentType);
    if (!this.relationships().some((r) => r.type === kind.type && r.target === part)) {
      this.addRelationship(kind.type, part);
    }
  }
}

function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

/** Excel's rules for a sheet name: 1–31 characters, none of `[]:*?/\`, no `'` at either end. */
function assertSheetName(name: string): void {
  if (name.length < 1 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
    throw new Error(`workbook: ${name} is not a sheet name Excel accepts`);
  }
}

/** A formula's references to sheet `name` (`'Hai & Ba'!$A$1`, `Data!A1`) made `#REF!$A$1`, as Excel makes them when the sheet goes. */
function withoutSheetRefs(formula: string, name: string): string {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const quoted = `'${name.replace(/'/g, "''")}'`;
  const sheet = new RegExp(`(?<![\\p{L}\\p{N}_.'])(?:${escape(quoted)}|${escape(name)})!`, "giu");
  return formula.replace(sheet, "#REF!");
}

function overrideOf(types: string, key: string): XmlElement | undefined {
  return elements(types, "Override").find((o) => partKey(o.attributes.PartName ?? "") === key);
}

/** `<sheet name sheetId r:id state>` after the last, sheetId one above the largest (§18.2.19). */
function appendSheet(book: string, name: string, id: string, state: string | undefined): string {
  const [sheets] = elements(book, "sheets");
  if (!sheets) throw new XmlError("workbook: no <sheets> in workbook.xml");
  const sheetId = Math.max(0, ...elements(book, "sheet").map((s) => Number(s.attributes.sheetId) || 0)) + 1;
  // The relationships namespace under the prefix workbook.xml gives it (not always `r`), else declared here.
  const bound =
    /xmlns:([\w.-]+)\s*=\s*["']http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships["']/.exec(
      book,
    )?.[1];
  const rid = bound ? `${bound}:id="${id}"` : `r:id="${id}" xmlns:r="${RELATIONSHIPS_NS}"`;
  const stateAttribute = state ? ` state="${state}"` : "";
  const sheet = `<${sheets.prefix}sheet name="${escapeXml(name)}" sheetId="${sheetId}"${stateAttribute} ${rid}/>`;
  if (sheets.tag.endsWith("/>")) {
    return applyEdits(book, [
      { start: sheets.start, end: sheets.end, text: `${sheets.tag.slice(0, -2)}>${sheet}</${sheets.prefix}sheets>` },
    ]);
  }
  const at = sheets.end - `</${sheets.prefix}sheets>`.length;
  return book.slice(0, at) + sheet + book.slice(at);
}

/** What follows calcPr in CT_Workbook's sequence (§18.2.27): a new calcPr goes before the first of them present. */
const AFTER_CALC_PR = [
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

function withFullCalcOnLoad(book: string): string {
  const [calcPr] = elements(book, "calcPr");
  if (calcPr) {
    const { start, tag } = calcPr;
    return applyEdits(book, [{ start, end: start + tag.length, text: withAttribute(tag, "fullCalcOnLoad", "1") }]);
  }
  const [sheets] = elements(book, "sheets");
  if (!sheets) throw new XmlError("workbook: no <sheets> in workbook.xml");
  const follower = AFTER_CALC_PR.map((name) => elements(book, name)[0]).find(Boolean);
  const at = follower?.start ?? book.lastIndexOf(`</${sheets.prefix}workbook>`);
  if (at < 0) throw new XmlError("workbook: no </workbook> in workbook.xml");
  return `${book.slice(0, at)}<${sheets.prefix}calcPr fullCalcOnLoad="1"/>${book.slice(at)}`;
}

/** `xml` without its `name` element when that has no child elements left. */
function withoutEmpty(xml: string, name: string): string {
  const [element] = elements(xml, name);
  return element && !element.content.includes("<") ? applyEdits(xml, [{ ...element, text: "" }]) : xml;
}

/**
 * Each `<workbookView>`'s activeTab and firstSheet (§18.2.30, 0 when absent) kept on a visible sheet of
 * `sheets` (as they are now): moved up one when the tab at `removed` went, else to the nearest visible tab.
 */
function keepViewsValid(book: string, sheets: SheetInfo[], removed?: number): string {
  const visible = (i: number) => sheets[i]?.state === "visible";
  const valid = (value: string | undefined) => {
    let i = Number(value ?? 0) || 0;
    if (removed !== undefined && i > removed) i--;
    i = Math.max(0, Math.min(i, sheets.length - 1));
    if (visible(i)) return i;
    for (let d = 1; d < sheets.length; d++) {
      if (visible(i + d)) return i + d;
      if (visible(i - d)) return i - d;
    }
    return i;
  };
  const edits = elements(book, "workbookView").map(({ start, tag, attributes }) => {
    let text = tag;
    for (const name of ["activeTab", "firstSheet"]) {
      const now = valid(attributes[name]);
      if (now !== Number(attributes[name] ?? 0)) text = withAttribute(text, name, `${now}`);
    }
    return { start, end: start + tag.length, text };
  });
  return applyEdits(book, edits);
}

/** Zips the parts, each deflated (fflate: the pane; the CLI passes Node's zlib instead, cli/zipFiles.ts). */
export function deflateFiles(files: ZipFiles): Uint8Array {
  return zipSync(files, { level: 1 });
}
