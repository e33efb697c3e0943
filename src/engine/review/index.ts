/**
 * The review round of spec §10 (giải trình, Tình trạng nộp, Trả lại, Đã duyệt), host-free: the
 * models and pure functions the CLI and the pane share. The adapters read and write the sheets.
 */
export * from "./explanations";
export * from "./status";
export * from "./store";
export * from "./sheets";
export { carryExplanations, explainMergeFindings, mergedExplanations } from "./carry";
export {
  checkSheets,
  reviewFindings,
  receiptCounts,
  receiptsOfUnits,
  sheetFindings,
  sheetReceipt,
  sheetValuesText,
} from "./receipt";
export { PROTECTION_ALLOWS, protectionPlan, withProtectedSheets, type SheetProtectionPlan } from "./protection";
