import { romanValue, toRoman } from "./roman";

test("section numerals of the seeds read and write back", () => {
  expect(["I", "II", "III", "IV", "V"].map(romanValue)).toEqual([1, 2, 3, 4, 5]);
  expect([9, 14, 40, 99, 2024].map(toRoman)).toEqual(["IX", "XIV", "XL", "XCIX", "MMXXIV"]);
});

test("every numeral from 1 to 300 round-trips", () => {
  for (let n = 1; n <= 300; n++) expect(romanValue(toRoman(n))).toBe(n);
});
