import fc from "fast-check";
import { foldText, tidyText } from "./text";

/** tidyText as specified, without its fast path. */
const tidySlowly = (text: string) =>
  text
    .normalize("NFC")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();

describe("tidyText", () => {
  it("returns what NFC + collapsed spaces + trim would, fast path or not", () => {
    const chars = fc.constantFrom(
      ..."aăâbdđeêiouơưyAĐƯ áạắẵếệíóốờụứýỹ\u0301\u0300\u0323\u0309\u0303\n\t\u00a0\u2009–“”…%,.-;()/\u212b\u2126Ω≥".split(
        "",
      ),
    );
    const texts = fc.array(chars, { maxLength: 30 }).map((a) => a.join(""));
    fc.assert(
      fc.property(texts, (text) => tidyText(text) === tidySlowly(text)),
      { numRuns: 5000 },
    );
  });

  it("tidies the seeds' header and NFD text", () => {
    expect(tidyText("Đơn vị\n chủ trì")).toBe("Đơn vị chủ trì");
    expect(tidyText("Tổng cộng".normalize("NFD"))).toBe("Tổng cộng");
    expect(tidyText("   > 80%")).toBe("> 80%");
    expect(foldText("Đơn vị\n Chủ Trì")).toBe("don vi chu tri");
  });
});
