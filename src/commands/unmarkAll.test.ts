import { PhuLucError } from "../engine/errors";
import { unmarkAll } from "./unmarkAll";

describe("ribbon Bỏ đánh dấu", () => {
  it("completes after unmarking, without a dialog", async () => {
    const steps: string[] = [];
    await unmarkAll(
      { completed: () => steps.push("completed") },
      { unmark: async () => steps.push("unmark"), showMessage: async () => void steps.push("dialog") },
    );
    expect(steps).toEqual(["unmark", "completed"]);
  });

  it("excel #11: on failure, completes only after the user closed the Vietnamese message", async () => {
    const steps: string[] = [];
    let close!: () => void;
    const done = unmarkAll(
      { completed: () => steps.push("completed") },
      {
        unmark: async () => {
          throw new PhuLucError("excel-too-old", "Phiên bản Excel này quá cũ.");
        },
        showMessage: (text) => {
          steps.push(`dialog: ${text}`);
          return new Promise<void>((resolve) => (close = resolve));
        },
      },
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(steps).toEqual(["dialog: Phiên bản Excel này quá cũ."]);
    close();
    await done;
    expect(steps).toEqual(["dialog: Phiên bản Excel này quá cũ.", "completed"]);
  });
});
