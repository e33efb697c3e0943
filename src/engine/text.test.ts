import fc from "fast-check";
import { foldedHash, foldText, foldTidy, foldWords, tidyText, trimText, withoutDiacritics } from "./text";

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

describe("foldTidy", () => {
  it("folds tidy text exactly as foldText does", () => {
    for (const text of [
      "Tỷ lệ hộ xem được Đài truyền hình VN",
      "ĐÀI TRUYỀN THANH cấp xã",
      "Sở TTTT",
      "Ban QLDA ĐTXD&KVPT ĐT AG",
    ]) {
      expect(foldTidy(text)).toBe(foldText(text));
    }
  });

  it("folds every character of the Basic Multilingual Plane as foldText does", () => {
    for (let code = 0; code <= 0xffff; code++) {
      // Tidy text holds no whitespace but single spaces (between words).
      const text = /\s/.test(String.fromCharCode(code)) ? "Mục A" : `Mục ${String.fromCharCode(code)}Ǆ`;
      if (foldTidy(text) !== foldText(text)) expect([code, foldTidy(text)]).toEqual([code, foldText(text)]);
    }
  });
});

describe("foldWords", () => {
  /** foldWords as specified, without the code-unit buffer. */
  const wordsSlowly = (text: string) =>
    foldText(text)
      .replace(/[^a-z0-9%]+/g, " ")
      .trim();

  it("folds every character of the Basic Multilingual Plane as foldText then dropping punctuation does", () => {
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      const text = `Mục ${ch}x (${ch})`;
      if (foldWords(text) !== wordsSlowly(text)) expect([code, foldWords(text)]).toEqual([code, wordsSlowly(text)]);
    }
  });

  it("keys untidy text (NFD, line breaks, punctuation runs) as the general path does", () => {
    const chars = fc.constantFrom(
      ..."aăbdđeêơưAĐƯ áạắẵếệỹ\u0301\u0300\u0323\n\t\u00a0\u2009–“”…%,.-:;()/0129\u212aΣς".split(""),
    );
    const texts = fc.array(chars, { maxLength: 30 }).map((a) => a.join(""));
    fc.assert(
      fc.property(texts, (text) => foldWords(text) === wordsSlowly(text)),
      { numRuns: 5000 },
    );
    expect(foldWords("  Tỷ lệ hộ… (Truyền thanh thông minh).")).toBe("ty le ho truyen thanh thong minh");
    expect(foldWords("Đài".repeat(400))).toBe("dai".repeat(400));
  });
});

describe("foldedHash", () => {
  it("is the same for every two texts that fold alike (each BMP character against its folded form)", () => {
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      if (/\s/.test(ch)) continue;
      const [typed, folded] = [`Mục ${ch}Ǆ`, `muc ${foldText(ch)}ǆ`];
      if (foldText(typed) === foldText(folded)) expect([code, foldedHash(typed)]).toEqual([code, foldedHash(folded)]);
    }
    expect(foldedHash("Tỷ lệ hộ xem được Đài truyền hình VN")).toBe(foldedHash("TY LE HO XEM DUOC DAI TRUYEN HINH vn"));
    expect(foldedHash("Đài".repeat(400))).toBe(foldedHash("dai".repeat(400)));
    expect(foldedHash("")).toBeUndefined();
  });
});

describe("withoutDiacritics and trimText", () => {
  it("strips marks but keeps case; trims but keeps the blanks inside a title line", () => {
    expect(withoutDiacritics("Sở TTTT Đồng Tháp".normalize("NFD"))).toBe("So TTTT Dong Thap");
    expect(foldText("Sở TTTT  Đồng\nTháp")).toBe("so tttt dong thap");
    expect(trimText("  Số:    /KH-STTTT ".normalize("NFD"))).toBe("Số:    /KH-STTTT");
  });
});
