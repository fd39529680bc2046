import { headingArea } from "../../../../src/core/read/pdf/headingArea";
import { pagesIn, parsePageRange } from "../../../../src/core/read/pdf";

test.each([
  ["Crime data for Merton", "Merton"],
  ["Crime figures for Borough A", "Borough A"],
  ["London Borough of Merton", "Merton"],
  ["Royal Borough of Kingston upon Thames", "Kingston upon Thames"],
  ["Borough: Sutton", "Sutton"],
  ["Hammersmith & Fulham", "Hammersmith and Fulham"],
  ["Merton", "Merton"],
])("the heading %p names %p", (text, area) => {
  expect(headingArea(text)).toBe(area);
});

test.each([
  "Offences & SDs",
  "Crime in the borough rose by a tenth",
  "Reporting Period Ending: 5 September 2017",
])("%p names no area", (text) => {
  expect(headingArea(text)).toBeUndefined();
});

describe("--pages", () => {
  test.each([
    ["7-84", 100, [7, 84]],
    ["7", 100, [7, 7]],
    ["98-", 100, [98, 100]],
  ])("%p of %p pages runs from the first to the last given", (spec, count, [from, to]) => {
    const range = parsePageRange(spec);
    if (!range.ok) throw new Error(range.error);
    const pages = pagesIn(range.ranges, count);
    expect([pages[0], pages[pages.length - 1]]).toEqual([from, to]);
    expect(pages).toHaveLength(to! - from! + 1);
  });

  test("several ranges, and pages past the end left out", () => {
    const range = parsePageRange("3,7-9,12-20");
    expect(range.ok && pagesIn(range.ranges, 13)).toEqual([3, 7, 8, 9, 12, 13]);
  });

  test.each(["", "a-b", "9-7", "0-3", "1--2"])("%p is refused with a sentence", (spec) => {
    const range = parsePageRange(spec);
    expect(range.ok).toBe(false);
    expect(!range.ok && range.error).toMatch(/--pages/);
  });
});
