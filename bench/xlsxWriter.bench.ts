// The streaming .xlsx writer (issue 18), side by side in one run:
// - the all-London build (the 2022-2024 Datastore file, 32 boroughs, R12 to January 2024,
//   the "All London boroughs" comparison): our build and our writer alone, a plain
//   XML-and-zip writer of the same cells (the floor: no styles, tables or anything else,
//   computing nothing) and LibreOffice's open-recalculate-save of our workbook, in
//   interleaved rounds;
// - a paste of 20,800 rows (about 640k cells) built by the command line in a process of
//   its own, with its time (wall and CPU) and peak memory, and the floor for its cells.
// The machine is shared: CPU time is reported beside wall time, with the load average.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Zip, ZipDeflate } from "fflate";
import type { WorkbookSpec } from "../src/layout/spec";
import { formulaAt } from "../src/layout/formulaRows";
import { colLetter } from "../src/layout/a1";
import { writeXlsx, specCells } from "../src/writers/xlsx/writeXlsx";
import { loadInputs, resolveGroups } from "../src/cli/loadInputs";
import { buildWorkbook } from "../src/app/useCases";
import { memoryIo } from "../test/support/cliIo";
import { distinctRowsPaste } from "../test/core/hugeInputs";
import { ensureCliBuilt, CLI } from "../test/support/builtCli";
import { convertWithLibreOffice, libreOfficeAvailable } from "../test/support/libreoffice";

const DATASTORE = path.join(
  __dirname,
  "../samples/datastore/mps-borough-level-crime-2022-02-to-2024-01.csv"
);
const PASTE_ROWS = 20_800;
const ROUNDS = 3;
const ms = (t: number): number => Math.round(t);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** CPU time of this process so far (user + system), ms. */
const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** CPU time of the waited-for child processes so far (LibreOffice), ms, from /proc (Linux). */
function childCpuNow(): number {
  try {
    const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
    // cutime and cstime: fields 16 and 17 of stat, 14 and 15 after "pid (comm) ".
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** The floor: the spec's cells as bare XML (inline text, numbers, formulas) in a deflated zip. */
function plainXlsx(spec: WorkbookSpec, shareFormulas = true): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  const enc = new TextEncoder();
  const add = (name: string, parts: Iterable<string>) => {
    const f = new ZipDeflate(name, { level: 1 });
    zip.add(f);
    for (const p of parts) f.push(enc.encode(p));
    f.push(new Uint8Array(0), true);
  };
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  spec.sheets.forEach((sheet, i) => {
    add(`xl/worksheets/sheet${i + 1}.xml`, plainSheet(sheet, esc, shareFormulas));
  });
  const sheets = spec.sheets.map(
    (s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`
  );
  add("xl/workbook.xml", [
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.join("")}</sheets></workbook>`,
  ]);
  zip.end();
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * A sheet's cells, row by row. With `shareFormulas`, a formula filled down a column (the
 * same cell of the spec as the row above) is written as Excel's shared formula, as our
 * writer does, so both write the same formula text.
 */
function* plainSheet(
  sheet: WorkbookSpec["sheets"][number],
  esc: (s: string) => string,
  shareFormulas: boolean
) {
  let si = 0;
  const groups = new Map<number, { cell: object; si: number }>();
  yield '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const blocks = [...sheet.blocks].sort((a, b) => a.row - b.row);
  let buf = "";
  for (const b of blocks)
    for (let i = 0; i < b.cells.length; i++) {
      const r = b.row + i;
      let row = `<row r="${r + 1}">`;
      (b.cells[i] ?? []).forEach((c, j) => {
        if (!c) return;
        const ref = `${colLetter(b.col + j)}${r + 1}`;
        const above = b.cells[i - 1]?.[j];
        if (shareFormulas && c.formula !== undefined && above === c) {
          row += `<c r="${ref}"><f t="shared" si="${groups.get(b.col + j)?.si ?? 0}"/></c>`;
          return;
        }
        if (shareFormulas && c.formula !== undefined && b.cells[i + 1]?.[j] === c) {
          let last = i + 1;
          while (b.cells[last + 1]?.[j] === c) last++;
          groups.set(b.col + j, { cell: c, si });
          const col = colLetter(b.col + j);
          row += `<c r="${ref}"><f t="shared" ref="${col}${r + 1}:${col}${b.row + last + 1}" si="${si++}">${esc(formulaAt(c, r)!)}</f></c>`;
          return;
        }
        const f = formulaAt(c, r);
        if (f !== undefined) row += `<c r="${ref}"><f>${esc(f)}</f></c>`;
        else if (c.text !== undefined)
          row += `<c r="${ref}" t="inlineStr"><is><t>${esc(c.text)}</t></is></c>`;
        else if (c.number !== undefined) row += `<c r="${ref}"><v>${c.number}</v></c>`;
        else if (c.bool !== undefined) row += `<c r="${ref}" t="b"><v>${c.bool ? 1 : 0}</v></c>`;
      });
      buf += row + "</row>";
      if (buf.length > 65536) {
        yield buf;
        buf = "";
      }
    }
  yield buf + "</sheetData></worksheet>";
}

/** The CLI's plan of a build, as `scrutiny-sheets build` makes it. */
async function planOf(files: Record<string, string>, opts: { area?: string; group?: string[] }) {
  const io = memoryIo();
  for (const [name, text] of Object.entries(files)) io.files.set(name, text);
  const loaded = await loadInputs(Object.keys(files), opts, io);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const groups = resolveGroups(opts.group ?? [], loaded.tables);
  if (!groups.ok) throw new Error(groups.error.message);
  return buildWorkbook(loaded.tables, groups.groups, undefined, "2026-12-03").spec;
}

async function allLondon(): Promise<Record<string, unknown>> {
  const text = fs.readFileSync(DATASTORE, "utf8");
  const files = { [path.basename(DATASTORE)]: text };
  const opts = { group: ["All London boroughs"] };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scrutiny-xw-bench-"));
  const book = path.join(dir, "all-london.xlsx");
  const build: number[] = [];
  const write: number[] = [];
  const floor: number[] = [];
  const libre: number[] = [];
  const cpu = {
    build: [] as number[],
    write: [] as number[],
    floor: [] as number[],
    libre: [] as number[],
  };
  let spec: WorkbookSpec | null = null;
  let bytes: Uint8Array = new Uint8Array();
  let floorBytes = 0;
  const lo = libreOfficeAvailable();
  if (lo)
    await convertWithLibreOffice([
      writeFileOf(dir, "warm.xlsx", await writeXlsx(await planOf(files, opts))),
    ]);
  for (let round = 0; round < ROUNDS; round++) {
    const [t0, c0] = [performance.now(), cpuNow()];
    spec = await planOf(files, opts);
    const [t1, c1] = [performance.now(), cpuNow()];
    bytes = await writeXlsx(spec);
    const [t2, c2] = [performance.now(), cpuNow()];
    build.push(t2 - t0);
    write.push(t2 - t1);
    cpu.build.push(c2 - c0);
    cpu.write.push(c2 - c1);
    floorBytes = plainXlsx(spec).length;
    floor.push(performance.now() - t2);
    cpu.floor.push(cpuNow() - c2);
    if (lo) {
      fs.writeFileSync(book, bytes);
      const [t4, c4] = [performance.now(), childCpuNow()];
      await convertWithLibreOffice([book]);
      libre.push(performance.now() - t4);
      cpu.libre.push(childCpuNow() - c4);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const s = spec as WorkbookSpec;
  const formulas = s.sheets.reduce(
    (n, sh) =>
      n + sh.blocks.reduce((m, b) => m + b.cells.flat().filter((c) => c?.formula).length, 0),
    0
  );
  const m = {
    build: median(build),
    write: median(write),
    floor: median(floor),
    libre: median(libre),
  };
  const c = {
    build: median(cpu.build),
    write: median(cpu.write),
    floor: median(cpu.floor),
    libre: median(cpu.libre),
  };
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    sheets: s.sheets.length,
    cells: specCells(s),
    formulas,
    charts: s.sheets.reduce((n, sh) => n + sh.charts.length, 0),
    xlsxBytes: bytes.length,
    floorBytes,
    medianMs: {
      build: ms(m.build),
      writeXlsx: ms(m.write),
      floor: ms(m.floor),
      libreOfficeOpenRecalculateSave: lo ? ms(m.libre) : null,
    },
    runsMs: {
      build: build.map(ms),
      writeXlsx: write.map(ms),
      floor: floor.map(ms),
      libreOffice: libre.map(ms),
    },
    medianCpuMs: {
      build: ms(c.build),
      writeXlsx: ms(c.write),
      floor: ms(c.floor),
      libreOfficeOpenRecalculateSave: lo ? ms(c.libre) : null,
    },
    cpuRatios: {
      buildVersusLibreOffice: lo ? ratio(c.build, c.libre) : null,
      buildVersusFloor: ratio(c.build, c.floor),
      writeVersusFloor: ratio(c.write, c.floor),
    },
    buildVersusLibreOffice: lo ? Math.round((m.build / m.libre) * 100) / 100 : null,
    writeVersusLibreOffice: lo ? Math.round((m.write / m.libre) * 100) / 100 : null,
    writeVersusFloor: Math.round((m.write / m.floor) * 100) / 100,
    buildVersusFloor: Math.round((m.build / m.floor) * 100) / 100,
  };
}

function writeFileOf(dir: string, name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Time, CPU time and peak memory of the command-line build of a 20,800-row paste. */
async function paste(): Promise<Record<string, unknown>> {
  ensureCliBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scrutiny-xw-paste-"));
  const input = writeFileOf(
    dir,
    "paste.txt",
    new TextEncoder().encode(distinctRowsPaste(PASTE_ROWS))
  );
  const usage = path.join(dir, "usage.json");
  const preload = path.join(dir, "usage.js");
  fs.writeFileSync(
    preload,
    `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(usage)}, JSON.stringify(process.resourceUsage())));`
  );
  const runs: { wallMs: number; cpuMs: number; peakRssMB: number; exit: number | null }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const out = path.join(dir, `book${i}.xlsx`);
    const t0 = performance.now();
    const run = spawnSync(
      process.execPath,
      ["-r", preload, CLI, "build", input, "--area", "Merton", "--out", out],
      { encoding: "utf8" }
    );
    const wallMs = performance.now() - t0;
    const u = JSON.parse(fs.readFileSync(usage, "utf8")) as {
      maxRSS: number;
      userCPUTime: number;
      systemCPUTime: number;
    };
    runs.push({
      wallMs: ms(wallMs),
      cpuMs: ms((u.userCPUTime + u.systemCPUTime) / 1000),
      peakRssMB: Math.round(u.maxRSS / 1024),
      exit: run.status,
    });
  }
  const spec = await planOf({ "paste.txt": fs.readFileSync(input, "utf8") }, { area: "Merton" });
  const c0 = cpuNow();
  const ours = await writeXlsx(spec);
  const c1 = cpuNow();
  plainXlsx(spec);
  const c2 = cpuNow();
  plainXlsx(spec, false);
  const c3 = cpuNow();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    rows: PASTE_ROWS,
    cells: specCells(spec),
    xlsxBytes: ours.length,
    cliBuild: runs,
    medianCliBuild: {
      wallMs: median(runs.map((r) => r.wallMs)),
      cpuMs: median(runs.map((r) => r.cpuMs)),
      peakRssMB: median(runs.map((r) => r.peakRssMB)),
    },
    inProcessCpuMs: {
      writeXlsx: ms(c1 - c0),
      floor: ms(c2 - c1),
      floorWritingEveryFormulaInFull: ms(c3 - c2),
      writeVersusFloor: Math.round(((c1 - c0) / (c2 - c1)) * 100) / 100,
    },
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const load = () => Math.round(os.loadavg()[0]! * 100) / 100;
  const loadBefore = load();
  const london = await allLondon();
  const big = await paste();
  return {
    allLondon: london,
    paste20800: big,
    targets:
      "all-London build ≤ 0.25× LibreOffice and ≤ 4× the floor; 640k-cell paste < 4 s within 600 MB",
    loadAverage1min: { before: loadBefore, after: load() },
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}`,
    note:
      "build = read the Datastore file, R12 tables, validate, flag, lay out and write (in this process); writeXlsx = the writer alone; " +
      "floor = bare cells as XML in a deflated zip (no styles, tables or charts; filled-down formulas as shared formulas, as ours; floorWritingEveryFormulaInFull without). LibreOffice converts our workbook " +
      "to .xlsx with a profile that recalculates every formula on load. The paste is `scrutiny-sheets build` in a process of its own: " +
      "wall time, CPU time (user + system) and peak resident memory. Medians of interleaved rounds on a shared machine (load average above): CPU times are the steadier figures; LibreOffice's CPU is its processes' (cutime + cstime).",
  };
}
