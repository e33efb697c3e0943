/**
 * The ribbon's “Bỏ đánh dấu”: gives the cells PhuLuc coloured their old look back without opening the pane.
 * A function command has no UI of its own, so a failure is shown in a small Office dialog. `event.completed()` is
 * called only once that dialog is closed (or could not open): Office may unload the function file at completion,
 * which would take an open dialog — and its callback — with it.
 */
import { userMessage } from "../engine/errors";

export interface RibbonDeps {
  /** Checks the requirement set and removes every mark (adapters/excel). */
  unmark(): Promise<unknown>;
  /** Shows `message` in a dialog; resolves when the user closed it or it could not be shown. */
  showMessage(message: string): Promise<void>;
}

export async function unmarkAll(event: { completed(): void }, deps: RibbonDeps): Promise<void> {
  try {
    await deps.unmark();
  } catch (e) {
    await deps.showMessage(userMessage(e)).catch(() => undefined);
  } finally {
    event.completed();
  }
}

/** Office's dialog (displayDialogAsync), resolved when it is closed (DialogEventReceived) or failed to open. */
export function officeMessageDialog(url: string): Promise<void> {
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url, { height: 25, width: 35, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        resolve();
        return;
      }
      result.value.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}
