// The task pane in a real browser (Debian's Chromium through playwright-core), served from
// its production build on 127.0.0.1 with the page's own Content-Security-Policy on:
// - standalone (no Office host): every sample pasted through a real paste event, preview
//   checked, Import, Build comparison, Download workbook; the file recalculated in
//   LibreOffice agrees with the core, and has the content `scrutiny-sheets build` gives;
// - inside "Excel": the Excel test double injected as Office.js, so the add-in path runs;
// - axe-core on every screen, every control reached by Tab and worked by Enter or Space;
// - every request recorded: nothing but the local server and the (stubbed) CDN office.js.
// Screenshots of each screen go to test-artifacts/screenshots/.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import type ExcelJS from "exceljs";
import type { Download, Page } from "playwright-core";
import { areaFromFileName } from "../../src/core/read";
import type { CrimeTable } from "../../src/core/model";
import { validateTables } from "../../src/core/validate";
import { readXlsx } from "../../src/writers/xlsx/readXlsx";
import { runBuild } from "../../src/cli/buildCommand";
import type { CliIO } from "../../src/cli/io";
import { DEFINITIONS_SHEET, type Definitions } from "../../src/layout/definitions";
import { describeWithLibreOffice, errorCells, recalculate } from "../support/libreoffice";
import { sampleTables } from "../support/samples";
import { AXE_FILE, AXE_URL_PATH, runAxe, seriousViolations } from "./support/axe";
import { describeWithChromium, launchPane, type PaneBrowser } from "./support/browser";
import { ROOT, WEB_DIR, bundleFakeOffice, ensureProductionBuild } from "./support/build";
import { checkRecalculated } from "./support/checkRecalculated";
import { loadWorkbook, workbookDifferences } from "./support/compareWorkbooks";
import { listControls, tabOrder, tabTo, type Control } from "./support/keyboard";
import { guardNetwork, OFFICE_JS_HOST, type RequestLog } from "./support/network";
import { Pane } from "./support/pane";
import { pasteInto, type Clipboard } from "./support/paste";
import { bigPaste } from "../support/bigPaste";
import { PDF_FIXTURES } from "../support/pdfText";
import { serveStatic, type StaticServer } from "./support/staticServer";

const SAMPLES = path.join(ROOT, "samples", "offences-sds");
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const SHOTS = path.join(ARTIFACTS, "screenshots");
const DOWNLOADS = path.join(ARTIFACTS, "downloads");

interface Sample {
  file: string;
  clipboard: Clipboard;
  /** The area the analyst types: the command line takes the same from the file name. */
  area: string;
  period: string;
  /** Imported into the workbook (the others are the same table in another form). */
  imported: boolean;
}

const read = (file: string): string => readFileSync(path.join(SAMPLES, file), "utf8");

function sample(file: string, imported: boolean): Sample {
  // A table copied from a web page reaches the clipboard as HTML and as its text.
  const clipboard = file.endsWith(".html")
    ? { html: read(file), text: read(file.replace(/\.html$/, ".txt")) }
    : { text: read(file) };
  return {
    file,
    clipboard,
    area: areaFromFileName(file) ?? "",
    period: /(\d{4}-\d{2}-\d{2})/.exec(file)![1]!,
    imported,
  };
}

const ALL_SAMPLES: Sample[] = [
  sample("merton-2017-07-02.txt", true),
  sample("merton-2017-08-01.txt", true),
  sample("borough-a-2017-09-05.txt", true),
  sample("borough-c-2017-09-05.txt", false),
  sample("borough-c-2017-09-05.pdf-copy.txt", true),
  sample("borough-d-2017-09-05.txt", false),
  sample("borough-d-2017-09-05.html", true),
  sample("borough-e-2017-09-05.txt", true),
];
const IMPORTED = ALL_SAMPLES.filter((s) => s.imported);
/** The comparison the analyst builds: the four September boroughs (the pane names a chosen group after its areas). */
const SEPTEMBER = ["Borough A", "Borough C", "Borough D", "Borough E"];
const SEPTEMBER_GROUP = `${SEPTEMBER.join(", ")}=${SEPTEMBER.join(",")}`;

const MONITORING_TABLE = readFileSync(
  path.join(ROOT, "samples", "monitoring", "indicators-2016-17.txt"),
  "utf8"
);

/** Each screen checked by axe, with its serious or critical violations. */
const axeByScreen = new Map<string, string[]>();

async function checkScreen(page: Page, name: string): Promise<void> {
  // A message still fading in has its final colours only when its animation ends: axe
  // measures contrast on what is painted, so the screen is checked once it is still.
  // (A spinner never ends: at most two seconds.)
  await page.evaluate(() =>
    Promise.race([
      Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
      new Promise((done) => setTimeout(done, 2000)),
    ])
  );
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  const serious = seriousViolations(await runAxe(page));
  axeByScreen.set(name, serious);
  expect({ screen: name, serious }).toEqual({ screen: name, serious: [] });
}

async function waitForDownload(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 30_000 }),
    click(),
  ]);
  return download;
}

describeWithChromium("task pane in Chromium, from the production build", () => {
  let server: StaticServer;
  let fakeOffice: string;
  const logs: { label: string; log: RequestLog }[] = [];
  const pageErrors: string[] = [];
  const opened: PaneBrowser[] = [];
  let standaloneFile: string | null = null;

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(DOWNLOADS, { recursive: true });
    const [built, fake] = await Promise.all([ensureProductionBuild(), bundleFakeOffice()]);

    console.info(`e2e: ${built}`);
    fakeOffice = fake;
    server = await serveStatic(WEB_DIR, { [AXE_URL_PATH]: AXE_FILE });
  }, 300_000);

  afterAll(async () => {
    await Promise.all(opened.map((b) => b.close().catch(() => undefined)));
    await server?.close();
  });

  /** A fresh browser on the pane; with `office`, the Excel double stands in for Office.js. */
  async function openPane(
    label: string,
    office: boolean
  ): Promise<{ page: Page; pane: Pane; browser: PaneBrowser }> {
    const browser = await launchPane();
    opened.push(browser);
    const log = await guardNetwork(browser.context, server.origin);
    logs.push({ label, log });
    if (office) await browser.context.addInitScript({ content: fakeOffice });
    const page = await browser.context.newPage();
    page.on("pageerror", (e) => pageErrors.push(`${label}: ${e.message}`));
    // CSP refusals are reported on the console: the pane must need nothing the policy forbids.
    page.on("console", (m) => {
      if (m.type() === "error") pageErrors.push(`${label}: console: ${m.text()}`);
    });
    await page.goto(`${server.origin}/taskpane.html`);
    const pane = new Pane(page);
    await pane.mode.waitFor({ timeout: 30_000 });
    return { page, pane, browser };
  }

  test("standalone: each sample pasted, previewed and imported, a comparison built and the workbook downloaded", async () => {
    const { page, pane } = await openPane("standalone", false);
    expect(await pane.mode.getAttribute("data-mode")).toBe("standalone");
    expect(await pane.mode.textContent()).toMatch(/^Standalone/);
    await checkScreen(page, "01-standalone-start");

    for (const s of ALL_SAMPLES) {
      const summary = await pane.paste(s.clipboard);
      // Two tables: Offences & SDs (27 rows) and I & S Calls and ASB (4 rows).
      expect({ file: s.file, summary }).toEqual({
        file: s.file,
        summary: expect.stringMatching(/^Read 2 tables, 31 rows: /),
      });
      expect(await pane.preview("Offences & SDs").textContent()).toContain("27 rows");
      expect(await pane.preview("I & S Calls and ASB").textContent()).toContain("4 rows");
      // The period is read from "Reporting Period Ending"; the paste names no area.
      expect({ file: s.file, period: await pane.period.inputValue() }).toEqual({
        file: s.file,
        period: s.period,
      });
      expect(await pane.area.inputValue()).toBe("");
      if (s.file === "borough-a-2017-09-05.txt") await checkScreen(page, "02-standalone-preview");
      if (!s.imported) continue;
      await pane.area.fill(s.area);
      const done = await pane.press(
        "Import",
        new RegExp(`^Imported: wrote \\d+ sheets \\(${s.area} ${s.period}`)
      );
      expect(done).toContain(`${s.area} ${s.period} calls`);
    }

    // A paste that names its area fills the Area field too.
    await pane.paste({ text: `Borough: Merton\n${read("merton-2017-08-01.txt")}` });
    expect(await pane.area.inputValue()).toBe("Merton");
    expect(await pane.period.inputValue()).toBe("2017-08-01");

    // A paste that is not a table says so, in words, on the page.
    await pane.pasteBox.focus();
    await page.evaluate(() => {
      const box = document.activeElement as HTMLElement;
      const transfer = new DataTransfer();
      transfer.setData("text/plain", "Dear members, please find the figures attached.");
      box.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true })
      );
    });
    await page.getByRole("alert").first().waitFor();
    await checkScreen(page, "03-standalone-not-a-table");

    await pane.waitForSheets([
      ...IMPORTED.map((s) => `${s.area} ${s.period} (data)`),
      "Checks (checks)",
    ]);

    await pane.screen("Compare");
    for (const area of SEPTEMBER)
      await page.getByRole("checkbox", { name: new RegExp(`^${area} \\(1 period\\)`) }).check();
    await checkScreen(page, "04-standalone-compare");
    await pane.press("Build comparison", /^Built: wrote \d+ sheets? \(/);
    await pane.waitForSheets(["Trend Merton (trend)"]);
    await checkScreen(page, "05-standalone-built");

    await pane.screen("Monitoring");
    await pasteIntoLabelled(page, "Paste indicator table", MONITORING_TABLE);
    await page.getByRole("list", { name: "Indicators" }).waitFor();
    await checkScreen(page, "06-monitoring");
    await pane.screen("Settings");
    await checkScreen(page, "07-settings");
    await pane.screen("Paste");

    const download = await waitForDownload(page, () => pane.button("Download workbook").click());
    expect(download.suggestedFilename()).toBe("scrutiny-sheets.xlsx");
    standaloneFile = path.join(DOWNLOADS, "standalone.xlsx");
    await download.saveAs(standaloneFile);
    await pane.notice(/^Saved scrutiny-sheets\.xlsx \(\d+ KB\)/);
  }, 120_000);

  describeWithLibreOffice("the downloaded workbook", () => {
    let tables: CrimeTable[];
    let bytes: Uint8Array;

    beforeAll(() => {
      tables = IMPORTED.flatMap((s) => sampleTables(s.file));
      if (standaloneFile) bytes = new Uint8Array(readFileSync(standaloneFile));
    });

    test("recalculated in LibreOffice: no error cells, every % change, SD rate and p-value the core's", async () => {
      expect(standaloneFile).not.toBeNull();
      const defs = (await readXlsx(bytes)).definitions;
      expect(defs).not.toBeNull();
      const book: ExcelJS.Workbook = await recalculate(standaloneFile!);
      expect(errorCells(book)).toEqual([]);
      const report = checkRecalculated(book, defs!, tables, validateTables(tables));
      expect(report.problems).toEqual([]);
      expect(report.sheets).toBe(IMPORTED.length * 2);
      expect(report.rows).toBe(IMPORTED.length * 31);
    }, 60_000);

    test("has the content `scrutiny-sheets build` writes from the same files (the Imported date aside)", async () => {
      expect(standaloneFile).not.toBeNull();
      const out = path.join(tmpdir(), `scrutiny-e2e-cli-${process.pid}.xlsx`);
      const err: string[] = [];
      const io: CliIO = {
        readFile: async (p) => readFileSync(p, "utf8"),
        readBytes: async (p) => new Uint8Array(readFileSync(p)),
        writeFile: async (p, b) => writeFileSync(p, b),
        stdout: () => undefined,
        stderr: (s) => void err.push(s),
      };
      const code = await runBuild(
        IMPORTED.map((s) => path.join(SAMPLES, s.file)),
        { out, group: [SEPTEMBER_GROUP] },
        io
      );
      expect({ code, err }).toEqual({ code: 0, err: [] });
      const cliBytes = new Uint8Array(readFileSync(out));
      rmSync(out, { force: true });
      const [paneBook, cliBook] = await Promise.all([loadWorkbook(bytes), loadWorkbook(cliBytes)]);
      // Where a pasted table rightly differs from a file: the Imported date, and the Source
      // ("paste" rather than the file's name). The definitions are compared as data below.
      const label = (ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): string =>
        String(ws.getCell(Number(cell.row), 1).value);
      // The Summary names each table's source too, and counts the sources.
      const summarySource = (ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): boolean =>
        ws.name === "Summary" && (Number(cell.col) === 8 || Number(cell.row) === 3);
      const provenance = (ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): boolean =>
        ws.name === DEFINITIONS_SHEET ||
        summarySource(ws, cell) ||
        (Number(cell.col) === 2 &&
          (label(ws, cell) === "Imported" || label(ws, cell) === "Source"));
      expect(workbookDifferences(paneBook, cliBook, provenance)).toEqual([]);

      const sources = (book: ExcelJS.Workbook): string[] =>
        book.worksheets.flatMap((ws) =>
          ws.getCell("A4").value === "Source" ? [String(ws.getCell("B4").value)] : []
        );
      expect(new Set(sources(paneBook))).toEqual(new Set(["paste"]));
      expect(new Set(sources(cliBook))).toEqual(new Set(IMPORTED.map((s) => s.file)));

      const [paneDefs, cliDefs] = await Promise.all([readXlsx(bytes), readXlsx(cliBytes)]).then(
        (b) => b.map((x) => x.definitions)
      );
      // Borough D was pasted as text/html with text/plain beside it: the pane read the HTML,
      // whose rows are numbered from 4 (the text's from 6), as the command line read the .html file.
      const boroughD = paneDefs?.sheets.find((x) => x.name === "Borough D 2017-09-05")?.data;
      expect(boroughD).toBeDefined();
      const lineCol =
        boroughD!.firstCol + boroughD!.columns.findIndex((c) => c.role === "line") + 1;
      expect(
        paneBook.getWorksheet("Borough D 2017-09-05")!.getCell(boroughD!.headerRow + 2, lineCol)
          .value
      ).toBe(4);

      const comparable = (d: Definitions | null | undefined) =>
        d && {
          ...d,
          sheets: d.sheets.map((s) =>
            s.data ? { ...s, data: { ...s.data, source: "(source)", importedOn: "(date)" } } : s
          ),
        };
      expect(comparable(paneDefs)).toEqual(comparable(cliDefs));
    }, 60_000);
  });

  test("inside Excel (the Excel double as Office.js): connected, Import writes the data sheets, Import selection reads a sheet", async () => {
    const { page, pane } = await openPane("office", true);
    expect(await pane.mode.getAttribute("data-mode")).toBe("office");
    expect(await pane.mode.textContent()).toBe("Connected to Excel");
    // No in-browser workbook inside Excel.
    expect(await pane.button("Download workbook").count()).toBe(0);
    await checkScreen(page, "10-excel-start");

    /** Calls a method of the double the page runs on (window.__scrutinyFakeExcel). */
    const fake = <T>(method: string, ...args: unknown[]): Promise<T> =>
      page.evaluate(
        ([m, a]) => {
          const double = (
            window as unknown as {
              __scrutinyFakeExcel: Record<string, (...x: unknown[]) => unknown>;
            }
          ).__scrutinyFakeExcel;
          return double[m as string]!(...(a as unknown[])) as never;
        },
        [method, args] as const
      );

    for (const s of IMPORTED.filter((x) => x.period === "2017-09-05")) {
      await pane.paste(s.clipboard);
      await pane.area.fill(s.area);
      await pane.press(
        "Import",
        new RegExp(`^Imported: wrote \\d+ sheets \\(${s.area} ${s.period}`)
      );
    }
    const names = await fake<string[]>("sheetNames");
    expect(names).toEqual(
      expect.arrayContaining([
        "Borough A 2017-09-05",
        "Borough A 2017-09-05 calls",
        "Borough E 2017-09-05",
        "Checks",
      ])
    );
    // Read back through Excel.run as the add-in would: the pasted counts are numbers and
    // the % change beside them is a live formula.
    const victim = await page.evaluate(async (sheet) => {
      return Excel.run(async (context) => {
        const used = context.workbook.worksheets.getItem(sheet).getUsedRange();
        used.load("values, formulas");
        await context.sync();
        const i = used.values.findIndex((row) => row.includes("TNO - Victim"));
        return { values: used.values[i], formulas: used.formulas[i] };
      });
    }, "Borough A 2017-09-05");
    expect(victim.values).toEqual(expect.arrayContaining([27373, 27346]));
    expect(
      victim.formulas!.filter((f) => typeof f === "string" && f.startsWith("=")).length
    ).toBeGreaterThan(2);
    await checkScreen(page, "11-excel-imported");

    // A table pasted into a sheet by the user, read back with "Import selection".
    const rows = read("borough-e-2017-09-05.txt")
      .split("\n")
      .map((line) => line.split("\t"));
    await fake("addSheet", "Pasted", rows);
    await fake("select", "Pasted", `A1:K${rows.length}`);
    await pane.press("Import selection", /^Read .*Pasted.*: check the preview, then Import\.$/);
    expect(await pane.summary.textContent()).toMatch(/^Read 2 tables, 31 rows: /);

    await pane.screen("Compare");
    for (const area of SEPTEMBER)
      await page.getByRole("checkbox", { name: new RegExp(`^${area} \\(1 period\\)`) }).check();
    await pane.press("Build comparison", /^Built: wrote \d+ sheets? \(/);
    const after = await fake<string[]>("sheetNames");
    expect(after.filter((n) => n.startsWith("Compare "))).not.toEqual([]);
    await checkScreen(page, "12-excel-compare");
  }, 120_000);

  test("inside Excel: a 2 MB paste is read and planned in the worker, the pane keeps responding, and every row is written", async () => {
    const { page, pane } = await openPane("office-big", true);
    const big = bigPaste({ bytes: 2e6 });
    // A ticker on the UI thread: how many times it ran, by what the pane said then.
    await page.evaluate(() => {
      const w = window as unknown as { __ticks: Record<string, number> };
      w.__ticks = {};
      setInterval(() => {
        const label = document.querySelector("[role=status] label")?.textContent ?? "idle";
        w.__ticks[label] = (w.__ticks[label] ?? 0) + 1;
      }, 10);
    });
    await pasteInto(pane.pasteBox, { text: big.text });
    await pane.summary.waitFor({ timeout: 60_000 });
    expect(await pane.summary.textContent()).toMatch(
      new RegExp(`^Read 1 table, ${big.rows.toLocaleString("en-GB")} rows: `)
    );
    await pane.area.fill("Merton");
    await pane.press(
      "Import",
      /^Imported: wrote 3 sheets \(Merton 2017-08-01, Checks, Summary\)/,
      120_000
    );
    const ticks = await page.evaluate(
      () => (window as unknown as { __ticks: Record<string, number> }).__ticks
    );
    // Planning (seconds of work) happens in the worker: the UI thread stays free meanwhile
    // and its ticker keeps running (on the UI thread the plan alone held it some 4 s, in
    // which the ticker could run once at most). A count, not a time: a busy machine slows
    // both alike.
    expect(ticks["Planning the sheets"] ?? 0).toBeGreaterThan(5);
    // Every row reached the sheet, through requests Excel on the web would accept.
    const written = await page.evaluate(async () =>
      Excel.run(async (context) => {
        const used = context.workbook.worksheets.getItem("Merton 2017-08-01").getUsedRange();
        used.load("rowCount");
        await context.sync();
        return used.rowCount;
      })
    );
    expect(written).toBeGreaterThan(big.rows);
    expect(written).toBeLessThan(big.rows + 40);
  }, 240_000);

  test("keyboard: every control is reached by Tab and the whole job is done with Enter and Space", async () => {
    const { page, pane } = await openPane("keyboard", false);
    const unreached = async (screen: string): Promise<Control[]> => {
      const controls = await listControls(page);
      const order = await tabOrder(page, controls);
      const reached = new Set(order);
      const groupsReached = new Set(
        controls.filter((c) => reached.has(c.id) && c.composite).map((c) => c.composite)
      );
      // Tabs and radios are one Tab stop per group; arrow keys move inside it.
      const missed = controls.filter(
        (c) => !reached.has(c.id) && !(c.composite && groupsReached.has(c.composite))
      );
      expect({ screen, missed: missed.map((c) => `${c.role} "${c.name}"`) }).toEqual({
        screen,
        missed: [],
      });
      return controls;
    };
    const byName = (controls: Control[], role: string, name: string | RegExp): Control => {
      const c = controls.find(
        (x) => x.role === role && (typeof name === "string" ? x.name === name : name.test(x.name))
      );
      if (!c)
        throw new Error(
          `no ${role} "${String(name)}" among ${controls.map((x) => `${x.role} "${x.name}"`).join(", ")}`
        );
      return c;
    };

    // Paste screen: paste by keyboard focus, type the area, Import with Enter.
    let controls = await unreached("paste");
    for (const s of [IMPORTED[2]!, IMPORTED[5]!]) {
      await tabTo(page, byName(controls, "textbox", "Paste table").id);
      await page.evaluate((data) => {
        const transfer = new DataTransfer();
        transfer.setData("text/plain", data);
        document.activeElement!.dispatchEvent(
          new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true })
        );
      }, s.clipboard.text);
      await pane.summary.waitFor();
      if (s === IMPORTED[2]) {
        // At pane width the preview is one card per row, every figure and check in it:
        // nothing to scroll sideways to, and no Tab stop of its own.
        const cards = page
          .getByRole("list", { name: /^Preview of Offences/ })
          .getByRole("listitem");
        expect(await cards.count()).toBe(27);
        expect(await cards.first().textContent()).toContain("Offences % Change");
        const rights = await cards.evaluateAll((els) =>
          els.map((e) => Math.ceil(e.getBoundingClientRect().right))
        );
        const width = await page.evaluate(() => document.documentElement.clientWidth);
        expect(Math.max(...rights)).toBeLessThanOrEqual(width);
        // Nor does anything else push the pane sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          width
        );
      }
      await tabTo(page, byName(controls, "textbox", "Area").id);
      await page.keyboard.type(s.area);
      await tabTo(page, byName(controls, "button", "Import").id);
      await page.keyboard.press(s === IMPORTED[2] ? "Enter" : " ");
      await pane.notice(new RegExp(`^Imported: wrote \\d+ sheets \\(${s.area} `));
    }
    controls = await unreached("paste, after import");

    // Screens by arrow keys on the tab list.
    await tabTo(page, byName(controls, "tab", "Paste").id);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Compare areas" }).waitFor();
    controls = await unreached("compare");
    for (const area of ["Borough A", "Borough E"]) {
      await tabTo(page, byName(controls, "checkbox", new RegExp(`^${area} `)).id);
      await page.keyboard.press(" ");
    }
    await tabTo(page, byName(controls, "button", "Build comparison").id);
    await page.keyboard.press("Enter");
    await pane.notice(/^Built: wrote /);

    // "A group preset" by arrow key, its dropdown opened and chosen by keyboard.
    await tabTo(page, byName(controls, "radio", "Areas I choose").id);
    await page.keyboard.press("ArrowDown");
    await page.getByRole("combobox").waitFor();
    controls = await unreached("compare, group preset");
    await tabTo(page, byName(controls, "combobox", /Group/).id);
    await page.keyboard.press("Enter");
    await page.getByRole("option").first().waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    expect(await page.getByRole("combobox").textContent()).not.toBe("");

    // Monitoring: paste an indicator table, build the sheet with Space.
    await tabTo(page, byName(controls, "tab", "Compare").id);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Monitoring" }).waitFor();
    controls = await unreached("monitoring");
    await tabTo(page, byName(controls, "textbox", "Paste indicator table").id);
    await page.evaluate((data) => {
      const transfer = new DataTransfer();
      transfer.setData("text/plain", data);
      document.activeElement!.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true })
      );
    }, MONITORING_TABLE);
    await tabTo(page, byName(controls, "button", "Build monitoring sheet").id);
    await page.keyboard.press(" ");
    await pane.notice(/^Built: wrote 2 sheets \(Monitoring, Summary\)/);

    // Settings: change a threshold by typing, save with Enter.
    await tabTo(page, byName(controls, "tab", "Monitoring").id);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByLabel("Minimum base").waitFor();
    controls = await unreached("settings");
    await tabTo(page, byName(controls, "textbox", "Minimum base").id);
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("30");
    await tabTo(page, byName(controls, "button", "Save settings").id);
    await page.keyboard.press("Enter");
    await pane.notice(/^Settings saved in the workbook\./);
    // The message bar is dismissed from the keyboard too.
    controls = await listControls(page);
    await tabTo(page, byName(controls, "button", "Dismiss message").id);
    await page.keyboard.press("Enter");
    await page.locator(".fui-MessageBarBody").waitFor({ state: "detached" });

    // Refresh all, Download workbook and Open workbook by keyboard.
    await tabTo(page, byName(controls, "button", "Refresh all").id);
    await page.keyboard.press("Enter");
    await pane.notice(/^Refreshed: wrote /);
    await tabTo(page, byName(controls, "button", "Download workbook").id);
    const download = await waitForDownload(page, () => page.keyboard.press("Enter"));
    const file = path.join(DOWNLOADS, "keyboard.xlsx");
    await download.saveAs(file);
    // Listen for the file chooser well before Enter: Playwright turns on the browser's
    // chooser interception asynchronously, and a bare key press can beat it.
    const choosing = page.waitForEvent("filechooser", { timeout: 60_000 });
    // The pane is busy until the download task reports: only then is Open workbook enabled.
    await pane.notice(/^Saved /);
    await tabTo(page, byName(controls, "button", "Open workbook").id);
    await page.keyboard.press("Enter");
    const chooser = await choosing;
    await chooser.setFiles(file);
    await pane.notice(/^Opened keyboard\.xlsx\./);
    await pane.waitForSheets([
      "Borough A 2017-09-05 (data)",
      "Borough E 2017-09-05 (data)",
      "Monitoring (monitoring)",
    ]);
  }, 120_000);

  test("standalone: a downloaded workbook opened with Open workbook and refreshed comes back the same", async () => {
    expect(standaloneFile).not.toBeNull();
    const { page, pane } = await openPane("reopen", false);
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      pane.button("Open workbook").click(),
    ]);
    await chooser.setFiles(standaloneFile!);
    await pane.notice(/^Opened standalone\.xlsx\./);
    await pane.waitForSheets(IMPORTED.map((s) => `${s.area} ${s.period} (data)`));
    await pane.press("Refresh all", /^Refreshed: wrote /);
    await checkScreen(page, "08-standalone-reopened");
    const download = await waitForDownload(page, () => pane.button("Download workbook").click());
    const refreshed = path.join(DOWNLOADS, "standalone-refreshed.xlsx");
    await download.saveAs(refreshed);
    const [before, after] = await Promise.all(
      [standaloneFile!, refreshed].map((f) => loadWorkbook(readFileSync(f)))
    );
    expect(workbookDifferences(before!, after!)).toEqual([]);
  }, 60_000);

  test("the page's Content-Security-Policy allows nothing remote but appsforoffice.microsoft.com, and the browser enforces it", async () => {
    const { page } = await openPane("csp", false);
    // The policy as the served page carries it (a <meta> in the head, before any script).
    const policy = await page.evaluate(() => {
      const meta = document.head.querySelector<HTMLMetaElement>(
        'meta[http-equiv="Content-Security-Policy" i]'
      );
      const first = document.head.querySelector("meta[http-equiv], script");
      return meta ? { content: meta.content, beforeScripts: first === meta } : null;
    });
    expect(policy).not.toBeNull();
    expect(policy!.beforeScripts).toBe(true);
    const directives = new Map(
      policy!.content
        .split(";")
        .map((d) => d.trim())
        .filter((d) => d !== "")
        .map((d) => {
          const [name, ...sources] = d.split(/\s+/);
          return [name!.toLowerCase(), sources] as const;
        })
    );
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    // Every source that names a place other than this origin:
    const remote = [...directives].flatMap(([name, sources]) =>
      sources
        .filter((s) => !/^'[\w-]+'$/.test(s) && s !== "data:" && s !== "blob:")
        .map((s) => `${name} ${s}`)
    );
    expect(remote).toEqual(["script-src https://appsforoffice.microsoft.com"]);
    // data: only for images; no eval.
    expect(
      [...directives].filter(([, sources]) => sources.includes("data:")).map(([n]) => n)
    ).toEqual(["img-src"]);
    expect(policy!.content).not.toMatch(/unsafe-eval|wasm-unsafe-eval/);

    // The browser refuses a request to anywhere else before it reaches the network.
    const log = logs.find((l) => l.label === "csp")!.log;
    const before = log.requests.length;
    const outcome = await page.evaluate(async () => {
      const refused = new Promise<string>((resolve) =>
        document.addEventListener(
          "securitypolicyviolation",
          (e) => resolve(`${e.violatedDirective} ${e.blockedURI}`),
          { once: true }
        )
      );
      const fetched = await fetch("https://example.org/data.json").then(
        () => "fetched",
        () => "failed"
      );
      return { fetched, refused: await refused };
    });
    expect(outcome).toEqual({
      fetched: "failed",
      refused: "connect-src https://example.org/data.json",
    });
    expect(log.requests.slice(before)).toEqual([]);
    // A large paste is read in a Web Worker, which the policy allows from this origin only.
    const big = readFileSync(
      path.join(ROOT, "samples", "datastore", "mps-borough-level-crime-2010-04-to-2022-01.csv"),
      "utf8"
    );
    expect(big.length).toBeGreaterThan(200_000);
    const pane = new Pane(page);
    await pasteInto(pane.pasteBox, { text: big });
    await pane.summary.or(page.getByRole("alert")).first().waitFor({ timeout: 60_000 });
    const worker = log.requests.filter((r) => /\/scrutiny-read\.[0-9a-f]+\.js$/.test(r.url));
    expect(worker.map((r) => r.target)).toEqual(["local"]);

    // The console's report of that refusal is expected; nothing else from this page.
    const cspPage = pageErrors.filter((e) => e.startsWith("csp: "));
    expect(cspPage.filter((e) => !/example\.org/.test(e))).toEqual([]);
  }, 60_000);

  test("inside Excel: a committee paper opened as a PDF is read in the worker, its tables listed with their pages, the ticked ones imported", async () => {
    const { page, pane } = await openPane("pdf-office", true);
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      pane.button("Open a file…").click(),
    ]);
    await chooser.setFiles(path.join(PDF_FIXTURES, "paper.pdf"));
    const picker = page.getByRole("group", { name: /^Tables found/ });
    await picker.getByText("Tables found (10 of 10 to import)").waitFor({ timeout: 60_000 });
    const boxes = picker.getByRole("checkbox");
    const labels = await boxes.evaluateAll((els) =>
      els.map((e) => (e as HTMLInputElement).labels?.[0]?.textContent ?? "")
    );
    // The paper's ten tables, each with the page it starts on, its area and period (read
    // from the headings around it), its rows and checks.
    const listed = labels.map((l) =>
      /^Page (\d+): (.+) — (.+), period ending (\S+): (\d+) rows, /.exec(l)?.slice(1)
    );
    expect(listed).toEqual([
      ["2", "Offences & SDs", "Merton", "2017-07-02", "27"],
      ["3", "I & S Calls and ASB", "Merton", "2017-07-02", "4"],
      ["5", "Offences & SDs", "Merton", "2017-08-01", "27"],
      ["6", "I & S Calls and ASB", "Merton", "2017-08-01", "4"],
      ["7", "Offences & SDs", "Borough A", "2017-09-05", "27"],
      ["9", "Offences & SDs", "Borough C", "2017-09-05", "27"],
      ["11", "Offences & SDs", "Borough C", "2017-09-05", "27"],
      ["14", "Offences & SDs", "Borough D", "2017-09-05", "27"],
      ["16", "Offences & SDs", "Borough D", "2017-09-05", "27"],
      ["18", "Offences & SDs", "Borough E", "2017-09-05", "27"],
    ]);
    expect(
      await boxes.evaluateAll((els) => els.every((e) => (e as HTMLInputElement).checked))
    ).toBe(true);
    expect(await page.getByRole("list", { name: "Tables not read" }).count()).toBe(0);
    // Several areas and periods: each table keeps its own, the fields left blank.
    expect(await pane.area.inputValue()).toBe("");
    expect(await pane.summary.textContent()).toMatch(/^Read 10 tables, 224 rows: /);
    await checkScreen(page, "13-excel-pdf-picker");

    // Boroughs C and D appear twice (the paper repeats them): leave the repeats out.
    await boxes.nth(6).uncheck();
    await boxes.nth(8).uncheck();
    await picker.getByText("Tables found (8 of 10 to import)").waitFor();
    expect(await pane.summary.textContent()).toMatch(/^Read 8 tables, 170 rows: /);
    await pane.press("Import", /^Imported: wrote \d+ sheets /, 60_000);

    const names = await page.evaluate(() =>
      (
        window as unknown as { __scrutinyFakeExcel: { sheetNames(): string[] } }
      ).__scrutinyFakeExcel.sheetNames()
    );
    expect(names).toEqual(
      expect.arrayContaining([
        "Merton 2017-07-02",
        "Merton 2017-07-02 calls",
        "Merton 2017-08-01",
        "Merton 2017-08-01 calls",
        "Borough A 2017-09-05",
        "Borough C 2017-09-05",
        "Borough D 2017-09-05",
        "Borough E 2017-09-05",
        "Checks",
      ])
    );
    // The figures read from the PDF are the sample's: Borough A's victim-based crime.
    const victim = await page.evaluate(async (sheet) => {
      return Excel.run(async (context) => {
        const used = context.workbook.worksheets.getItem(sheet).getUsedRange();
        used.load("values");
        await context.sync();
        return used.values.find((row) => row.includes("TNO - Victim"));
      });
    }, "Borough A 2017-09-05");
    expect(victim).toEqual(expect.arrayContaining([27373, 27346]));
  }, 180_000);

  test("standalone: a PDF dropped on the paste area is read, its table (split over two pages) imported as one", async () => {
    const { page, pane } = await openPane("pdf-standalone", false);
    const bytes = readFileSync(path.join(PDF_FIXTURES, "split-table.pdf")).toString("base64");
    await page.evaluate((b64) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], "split-table.pdf", { type: "application/pdf" }));
      const box = document.querySelector("textarea")!;
      for (const type of ["dragenter", "dragover", "drop"])
        box.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true })
        );
    }, bytes);
    const picker = page.getByRole("group", { name: /^Tables found/ });
    await picker.getByText("Tables found (1 of 1 to import)").waitFor({ timeout: 60_000 });
    expect(await picker.getByRole("checkbox").count()).toBe(1);
    expect(
      await picker
        .getByRole("checkbox")
        .evaluate((e) => (e as HTMLInputElement).labels?.[0]?.textContent)
    ).toMatch(/^Page 2: Offences & SDs — Merton, period ending 2017-08-01: 27 rows, /);
    // One area and one period: the fields are filled for the user to confirm.
    expect(await pane.area.inputValue()).toBe("Merton");
    expect(await pane.period.inputValue()).toBe("2017-08-01");
    await pane.press("Import", /^Imported: wrote \d+ sheets \(Merton 2017-08-01/, 60_000);
    await pane.waitForSheets(["Merton 2017-08-01 (data)"]);
    await checkScreen(page, "14-standalone-pdf-imported");
  }, 120_000);

  test("standalone: a spreadsheet opened with Open a file… is read in the worker, its table listed and imported", async () => {
    const { page, pane } = await openPane("sheet-standalone", false);
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      pane.button("Open a file…").click(),
    ]);
    await chooser.setFiles(
      path.join(ROOT, "test/fixtures/tables/spreadsheets/hansard-2007-sexual-offences-by-force.ods")
    );
    const picker = page.getByRole("group", { name: /^Tables found/ });
    await picker.getByText("Tables found (1 of 1 to import)").waitFor({ timeout: 60_000 });
    expect(
      await picker
        .getByRole("checkbox")
        .evaluate((e) => (e as HTMLInputElement).labels?.[0]?.textContent)
    ).toMatch(/^Table 3: Sexual offences recorded by the police.*: 44 rows, /);
    await pane.area.fill("England and Wales");
    await pane.period.fill("2006-03-31");
    // A generic table's sheet is named by area (cut to fit Excel's 31 characters) and period.
    await pane.press(
      "Import",
      /^Imported: wrote 3 sheets \(England and Wa 2006-03-31 table, Checks, Summary\)/
    );
  }, 120_000);

  test("standalone: each message stands beside its button and goes once it no longer applies; the workbook survives a reload until Start a new workbook", async () => {
    const { page, pane } = await openPane("kept", false);
    /** Whether the browser's storage holds a workbook (read from IndexedDB, as the pane keeps it). */
    const kept = (): Promise<boolean> =>
      page.evaluate(
        () =>
          new Promise<boolean>((resolve, reject) => {
            const open = indexedDB.open("scrutiny-sheets", 1);
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const count = open.result.transaction("kept").objectStore("kept").count("workbook");
              count.onsuccess = () => resolve(count.result > 0);
              count.onerror = () => reject(count.error);
            };
          })
      );

    // Import with nothing pasted: the warning appears under Import, in view, in a live region.
    await pane.button("Import").click();
    const first = page.locator('[data-task-slot="Import"]').getByText(/^Paste a table into/);
    await first.waitFor();
    const button = (await pane.button("Import").boundingBox())!;
    const message = (await first.boundingBox())!;
    expect(message.y).toBeGreaterThanOrEqual(button.y + button.height - 1);
    expect(message.y + message.height).toBeLessThanOrEqual(900);
    expect(
      await first.evaluate((e) => e.closest("[role=status]")?.getAttribute("data-task-slot"))
    ).toBe("Import");
    await checkScreen(page, "15-standalone-message-beside-import");

    // A valid paste takes it away; the area's error is an alert beside its field until typed.
    const s = IMPORTED[1]!;
    await pane.paste(s.clipboard);
    await first.waitFor({ state: "detached" });
    await pane.button("Import").click();
    const areaError = page.getByText(/^Enter the area/);
    await areaError.waitFor();
    expect(await areaError.getAttribute("role")).toBe("alert");
    expect(await pane.area.getAttribute("aria-describedby")).toContain(
      await areaError.getAttribute("id")
    );
    await pane.area.fill(s.area);
    await areaError.waitFor({ state: "detached" });
    expect(await pane.summary.textContent()).toMatch(
      /Nothing is written until you press Import\.$/
    );
    await pane.press("Import", new RegExp(`^Imported: wrote \\d+ sheets \\(${s.area} ${s.period}`));
    expect(await pane.summary.textContent()).toMatch(/Imported into the workbook\.$/);
    const sheets = [`${s.area} ${s.period} (data)`, "Checks (checks)"];
    await pane.waitForSheets(sheets);
    expect(await kept()).toBe(true);

    // Reloaded, the pane lists the same workbook, and downloads it.
    await page.reload();
    await pane.mode.waitFor({ timeout: 30_000 });
    await pane.waitForSheets(sheets);
    const download = await waitForDownload(page, () => pane.button("Download workbook").click());
    const file = path.join(DOWNLOADS, "kept-after-reload.xlsx");
    await download.saveAs(file);
    const book = await loadWorkbook(readFileSync(file));
    expect(book.worksheets.map((w) => w.name)).toContain(`${s.area} ${s.period}`);

    // Start a new workbook asks first (by keyboard: Enter opens, Escape cancels and gives
    // the focus back); Discard forgets the workbook, across a reload too.
    const startAfresh = pane.button("Start a new workbook");
    await startAfresh.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await checkScreen(page, "16-standalone-start-afresh");
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await startAfresh.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await kept()).toBe(true);
    await page.keyboard.press(" ");
    await dialog.getByRole("button", { name: "Discard it and start anew" }).focus();
    await page.keyboard.press("Enter");
    await pane.notice(/^Started a new, empty workbook/);
    await page
      .getByRole("list", { name: "Sheets in the workbook" })
      .getByText(sheets[0]!)
      .waitFor({ state: "detached" });
    expect(await kept()).toBe(false);
    await page.reload();
    await pane.mode.waitFor({ timeout: 30_000 });
    await page.getByText(/^No sheets yet\./).waitFor();
    expect(await kept()).toBe(false);
  }, 120_000);

  test("nothing leaves the machine: every request went to the local server, bar the stubbed CDN office.js", () => {
    expect(logs.map((l) => l.label)).toEqual(
      expect.arrayContaining(["standalone", "office", "keyboard", "reopen", "csp", "kept"])
    );
    /** Pages loaded more than once: "kept" reloads its page twice. */
    const loads: Record<string, number> = { kept: 3 };
    for (const { label, log } of logs) {
      expect({ label, remote: log.remote().map((r) => r.url) }).toEqual({ label, remote: [] });
      // The one remote resource the page asks for: Office.js from Microsoft's CDN, once per page load.
      expect({ label, hosts: log.officeJs().map((r) => new URL(r.url).hostname) }).toEqual({
        label,
        hosts: Array<string>(loads[label] ?? 1).fill(OFFICE_JS_HOST),
      });
      expect(log.requests.filter((r) => r.target === "local").length).toBeGreaterThan(2);
    }
    expect(pageErrors.filter((e) => !e.startsWith("csp: "))).toEqual([]);
  });

  afterAll(() => {
    // Which screens axe looked at (and what it found), for the CI log.
    const lines = [...axeByScreen].map(
      ([screen, serious]) =>
        `${screen}: ${serious.length === 0 ? "no serious or critical violations" : serious.join(" | ")}`
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, "axe-summary.txt"), lines.join("\n") + "\n");
  });
});

/** Pastes text into the textbox with this label (a real paste event). */
async function pasteIntoLabelled(page: Page, label: string, text: string): Promise<void> {
  await pasteInto(page.getByLabel(label, { exact: true }), { text });
}
