// The in-browser workbook's code loads on first use: an empty session lists nothing and
// reads the default settings without it; the first import loads it, and from then on
// every call is the real host's.
import * as fs from "fs";
import * as path from "path";
import { lazyOfficeHost, lazyStandaloneHost } from "../../../src/taskpane/host/lazyHost";
import { createOfficeHost } from "../../../src/taskpane/host/officeHost";
import type { ExcelRunFunction } from "../../../src/office/runExcel";
import { FakeExcel } from "../../doubles/fakeExcel";
import { createStandaloneHost } from "../../../src/taskpane/host/standaloneHost";
import { defaultHighlightSettings } from "../../../src/core/settings";
import { readPaste } from "../../../src/core/read";

test("loads the workbook code on the first call that needs it, then delegates", async () => {
  let loads = 0;
  const host = lazyStandaloneHost(async () => {
    loads++;
    return createStandaloneHost(() => "2026-12-03");
  });
  expect(host.mode).toBe("standalone");
  expect(await host.listSheets()).toEqual([]);
  expect(await host.listDataSheets()).toEqual([]);
  expect(await host.readSettings()).toEqual(defaultHighlightSettings);
  expect(loads).toBe(0);
  const file = "merton-2017-08-01.txt";
  const text = fs.readFileSync(path.join(__dirname, "../../../samples/offences-sds", file), "utf8");
  const read = readPaste(text, { source: file, fileName: file });
  if (!read.ok) throw new Error(read.error.message);
  const report = await host.importTables(read.tables, [], [], defaultHighlightSettings);
  expect(report.sheets).toContain("Merton 2017-08-01");
  expect(loads).toBe(1);
  const sheets = await host.listSheets();
  expect(sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Summary", "Checks"]));
  expect((await host.download!()).length).toBeGreaterThan(1000);
  expect(loads).toBe(1);
});

test("in Excel: the host is loaded by its first call and every call is the real host's", async () => {
  const excel = new FakeExcel();
  let loads = 0;
  const host = lazyOfficeHost(async () => {
    loads++;
    return createOfficeHost(
      excel.run.bind(excel) as unknown as ExcelRunFunction,
      () => "2026-12-03"
    );
  });
  expect(host.mode).toBe("office");
  expect(typeof host.importPlanned).toBe("function");
  expect(host.download).toBeUndefined();
  expect(loads).toBe(0);
  expect(await host.readSettings()).toEqual(defaultHighlightSettings);
  expect(loads).toBe(1);
  const file = "merton-2017-08-01.txt";
  const text = fs.readFileSync(path.join(__dirname, "../../../samples/offences-sds", file), "utf8");
  const read = readPaste(text, { source: file, fileName: file });
  if (!read.ok) throw new Error(read.error.message);
  await host.importTables(
    read.tables.map((t) => ({ ...t, area: "Merton" })),
    [],
    [],
    defaultHighlightSettings
  );
  expect(excel.sheetNames()).toEqual(expect.arrayContaining(["Merton 2017-08-01", "Summary"]));
  expect((await host.listSheets()).map((s) => s.name)).toContain("Checks");
  expect(loads).toBe(1);
});
