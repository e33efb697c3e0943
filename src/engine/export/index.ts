/** Export (spec §7): consolidated sheets → submission workbook model → (xlsx adapter) bytes. */
export { buildSubmission, submittedSheets, type ConsolidatedSheet } from "./buildSubmission";
export { planExport, type ExportPlan } from "./planExport";
export { exportFileName, documentDate, asciiToken, yyyymmdd } from "./fileName";
export { dateLine, phuLucHeading } from "./heading";
export * from "./model";
