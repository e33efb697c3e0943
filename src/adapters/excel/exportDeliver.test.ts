import { PhuLucError } from "../../engine/errors";
import { deliverToExcel, toBase64 } from "./exportDeliver";

describe("deliverToExcel", () => {
  it("hands Excel the file's bytes as base64, also for files larger than one chunk", async () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) % 256);
    let received = "";
    await deliverToExcel(bytes, "x.xlsx", async (base64) => {
      received = base64;
    });
    expect(received).toBe(Buffer.from(bytes).toString("base64"));
    expect(toBase64(new Uint8Array([80, 75, 3, 4]))).toBe("UEsDBA==");
  });

  it("turns Excel's refusal into a Vietnamese message naming the file", async () => {
    const refuse = async () => {
      throw new Error("ApiNotFound");
    };
    await expect(deliverToExcel(new Uint8Array([1]), "STTTT_PhuLuc-I.xlsx", refuse)).rejects.toThrow(PhuLucError);
    await expect(deliverToExcel(new Uint8Array([1]), "STTTT_PhuLuc-I.xlsx", refuse)).rejects.toThrow(
      /STTTT_PhuLuc-I\.xlsx/,
    );
  });
});
