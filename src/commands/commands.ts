/**
 * Ribbon function file. The Home-tab button "Kiểm tra Phụ lục" opens the task pane (ShowTaskpane, no code);
 * "Bỏ đánh dấu" (function `unmarkAll`) gives the cells PhuLuc coloured their old fills back without opening it.
 * A function command has no UI of its own, so a failure is shown in a small Office dialog: this same page, opened
 * with `?message=…`, prints the message.
 */
import { unmarkCells } from "../adapters/excel/marks";
import { excelCapabilities } from "../adapters/excel/requirements";
import { userMessage } from "../engine/errors";

function showMessage(message: string): void {
  const url = `${location.origin}${location.pathname}?message=${encodeURIComponent(message)}`;
  Office.context.ui.displayDialogAsync(url, { height: 25, width: 35, displayInIframe: true });
}

async function unmarkAll(event: Office.AddinCommands.Event): Promise<void> {
  try {
    excelCapabilities();
    await Excel.run((context) => unmarkCells(context));
  } catch (e) {
    showMessage(userMessage(e));
  } finally {
    event.completed();
  }
}

const message = new URLSearchParams(location.search).get("message");
if (message) {
  document.body.style.font = "14px 'Segoe UI', system-ui, sans-serif";
  document.body.style.padding = "12px";
  document.body.textContent = message;
}

Office.onReady(() => {
  Office.actions.associate("unmarkAll", unmarkAll);
});
