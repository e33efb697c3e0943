/**
 * Ribbon function file. The Home-tab button "Kiểm tra Phụ lục" opens the task pane (ShowTaskpane, no code);
 * "Bỏ đánh dấu" (function `unmarkAll`) removes PhuLuc's marks without opening it. The action is associated when
 * this file loads, as the documented pattern does (office.js is loaded synchronously before it in commands.html),
 * not inside Office.onReady, which may resolve after Office already invoked the function.
 * Opened with `?message=…`, this same page is the dialog that shows a failure.
 */
import { unmarkCells } from "../adapters/excel/marks";
import { excelCapabilities } from "../adapters/excel/requirements";
import { officeMessageDialog, unmarkAll } from "./unmarkAll";

const message = new URLSearchParams(location.search).get("message");
if (message) {
  document.body.style.font = "14px 'Segoe UI', system-ui, sans-serif";
  document.body.style.padding = "12px";
  document.body.textContent = message;
} else {
  Office.actions.associate("unmarkAll", (event: Office.AddinCommands.Event) =>
    unmarkAll(event, {
      unmark: () => {
        excelCapabilities();
        return Excel.run((context) => unmarkCells(context));
      },
      showMessage: (text) =>
        officeMessageDialog(`${location.origin}${location.pathname}?message=${encodeURIComponent(text)}`),
    }),
  );
}
