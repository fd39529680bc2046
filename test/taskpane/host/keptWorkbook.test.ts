// The in-browser workbook kept across visits: every change is saved to the store (copied
// as IndexedDB copies), a new page's host restores it, "Start a new workbook" forgets it,
// and a browser that refuses to keep it says so in the write's report.
import * as fs from "fs";
import * as path from "path";
import type { CrimeTable } from "../../../src/core/model";
import { readPaste } from "../../../src/core/read";
import { readIndicators } from "../../../src/core/monitor/readIndicators";
import { createStandaloneHost, type KeptWorkbook } from "../../../src/taskpane/host/standaloneHost";
import { lazyStandaloneHost } from "../../../src/taskpane/host/lazyHost";
import { WorkbookNotKept } from "../../../src/taskpane/host/errors";
import { memoryStore } from "./memoryStore";

const DAY = "2026-12-03";
const samples = path.join(__dirname, "../../../samples");

function tablesOf(file: string): CrimeTable[] {
  const text = fs.readFileSync(path.join(samples, "offences-sds", file), "utf8");
  const read = readPaste(text, { source: file, fileName: file });
  if (!read.ok) throw new Error(read.error.message);
  return read.tables;
}

test("a reloaded page's host restores the workbook as it was: sheets, settings, monitoring, the same download", async () => {
  const store = memoryStore<KeptWorkbook>();
  const first = createStandaloneHost(() => DAY, store);
  const settings = { significanceLevel: 0.01, minimumBase: 30, changeThreshold: 20 };
  await first.saveSettings(settings);
  await first.importTables(tablesOf("merton-2017-07-02.txt"), [], [], settings);
  await first.importTables(tablesOf("merton-2017-08-01.txt"), [], [], settings);
  await first.buildComparison({ kind: "areas", areas: ["Merton"] });
  const indicators = readIndicators(
    fs.readFileSync(path.join(samples, "monitoring", "indicators-2016-17.txt"), "utf8"),
    "paste"
  );
  if (!indicators.ok) throw new Error("the sample indicator table did not read");
  await first.buildMonitoring(indicators.indicators);
  expect(store.peek()?.savedOn).toBe(DAY);

  const again = createStandaloneHost(() => DAY, store);
  expect(await again.listSheets()).toEqual(await first.listSheets());
  expect((await again.listSheets()).map((s) => s.name)).toEqual(
    expect.arrayContaining(["Merton 2017-07-02", "Merton 2017-08-01", "Checks", "Monitoring"])
  );
  expect(await again.readSettings()).toEqual(settings);
  expect(Buffer.from(await again.download!()).equals(Buffer.from(await first.download!()))).toBe(
    true
  );
});

test("an opened workbook is kept as its bytes and opened again after a reload", async () => {
  const store = memoryStore<KeptWorkbook>();
  const maker = createStandaloneHost(() => DAY);
  await maker.importTables(
    tablesOf("borough-a-2017-09-05.txt"),
    [],
    [],
    await maker.readSettings()
  );
  const bytes = await maker.download!();

  const first = createStandaloneHost(() => DAY, store);
  await first.open!(bytes);
  const again = createStandaloneHost(() => DAY, store);
  expect(await again.listDataSheets()).toEqual(await maker.listDataSheets());
  expect(new Set((await again.listDataSheets()).map((d) => d.area))).toEqual(
    new Set(["Borough A"])
  );
});

test("Start a new workbook forgets the kept one: the next page starts empty", async () => {
  const store = memoryStore<KeptWorkbook>();
  const first = createStandaloneHost(() => DAY, store);
  await first.importTables(tablesOf("merton-2017-08-01.txt"), [], [], await first.readSettings());
  expect(await store.has()).toBe(true);
  await first.discard!();
  expect(await first.listDataSheets()).toEqual([]);
  expect(await store.has()).toBe(false);
  const empty = await createStandaloneHost(() => DAY).listSheets();
  expect(await createStandaloneHost(() => DAY, store).listSheets()).toEqual(empty);
});

test("a browser that refuses to keep the workbook: the import stands, and its report says to download", async () => {
  const store = memoryStore<KeptWorkbook>();
  store.refuse(new Error("the quota was exceeded"));
  const host = createStandaloneHost(() => DAY, store);
  const report = await host.importTables(
    tablesOf("merton-2017-08-01.txt"),
    [],
    [],
    await host.readSettings()
  );
  expect(report.sheets).toContain("Merton 2017-08-01");
  expect(report.warnings?.join(" ")).toMatch(
    /would not keep the workbook \(the quota was exceeded\): use Download workbook/
  );
  await expect(host.saveSettings(await host.readSettings())).rejects.toBeInstanceOf(
    WorkbookNotKept
  );
  expect(new Set((await host.listDataSheets()).map((d) => d.area))).toEqual(new Set(["Merton"]));
});

test("the lazy host loads the workbook code at once when the browser keeps a workbook", async () => {
  const store = memoryStore<KeptWorkbook>();
  const first = createStandaloneHost(() => DAY, store);
  await first.importTables(tablesOf("merton-2017-08-01.txt"), [], [], await first.readSettings());
  let loads = 0;
  const load = async () => {
    loads++;
    return createStandaloneHost(() => DAY, store);
  };
  const restored = lazyStandaloneHost(load, () => store.has());
  expect(await restored.listDataSheets()).toEqual(await first.listDataSheets());
  expect((await restored.listDataSheets()).length).toBeGreaterThan(0);
  expect(loads).toBe(1);

  const empty = memoryStore<KeptWorkbook>();
  const fresh = lazyStandaloneHost(load, () => empty.has());
  expect(await fresh.listSheets()).toEqual([]);
  expect(loads).toBe(1);
});
