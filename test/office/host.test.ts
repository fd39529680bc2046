// Where the add-in runs: a plain answer, with a reason, outside Excel or on an old Excel.
import {
  detectHost,
  excelApiSupported,
  supports,
  REQUIRED_EXCEL_API,
  type OfficeLike,
} from "../../src/office/host";

const office = (
  host: unknown,
  sets: Record<string, string> = { ExcelApi: "1.12" }
): OfficeLike => ({
  onReady: () => Promise.resolve({ host, platform: host === null ? null : "OfficeOnline" }),
  context: {
    requirements: {
      isSetSupported: (name, version = "1.1") => {
        const have = sets[name];
        if (!have) return false;
        const [a, b] = have.split(".").map(Number);
        const [c, d] = version.split(".").map(Number);
        return a! > c! || (a === c && b! >= d!);
      },
    },
  },
  HostType: { Excel: "Excel" },
});

describe("detectHost", () => {
  it("is ready inside an Excel with the API set the add-in needs", async () => {
    expect(await detectHost({ office: office("Excel") })).toEqual({
      ready: true,
      host: "Excel",
      platform: "OfficeOnline",
    });
  });

  it.each([
    ["Office.js did not load", null, /did not load/],
    ["the page is not in Office", office(null), /not running inside Office/],
    ["the host is Word", office("Word"), /works in Excel, not in Word/],
    [
      "Excel is too old",
      office("Excel", { ExcelApi: "1.6" }),
      new RegExp(`needs Excel API ${REQUIRED_EXCEL_API.replace(".", "\\.")}`),
    ],
  ])("says why it cannot run when %s", async (_what, o, reason) => {
    const info = await detectHost({ office: o as OfficeLike | null });
    expect(info.ready).toBe(false);
    expect(info.reason).toMatch(reason);
  });

  it("gives up waiting when Office never answers", async () => {
    const silent: OfficeLike = { ...office("Excel"), onReady: () => new Promise(() => undefined) };
    expect(await detectHost({ office: silent, timeoutMs: 20 })).toMatchObject({
      ready: false,
      reason: expect.stringMatching(/did not answer/),
    });
  });

  it("checks optional features against their API sets", () => {
    expect(supports("delayForCellEdit", office("Excel", { ExcelApi: "1.11" }))).toBe(true);
    expect(supports("notes", office("Excel", { ExcelApi: "1.11" }))).toBe(false);
    expect(supports("notes", null)).toBe(false);
  });
});

describe("excelApiSupported", () => {
  it("asks Office for the ExcelApi version, and says no outside Office", () => {
    const asked: string[] = [];
    const office = {
      onReady: async () => ({ host: null, platform: null }),
      HostType: { Excel: "Excel" },
      context: {
        requirements: {
          isSetSupported: (name: string, v?: string) => {
            asked.push(`${name} ${v}`);
            return v === "1.9";
          },
        },
      },
    };
    expect(excelApiSupported("1.9", office)).toBe(true);
    expect(excelApiSupported("1.18", office)).toBe(false);
    expect(asked).toEqual(["ExcelApi 1.9", "ExcelApi 1.18"]);
    expect(excelApiSupported("1.9", null)).toBe(false);
  });
});
