// Adding a table kind touches one folder: this test copies the sources, adds a small kind
// ("Stop and search": searches in two periods, their % change, arrests and the arrest
// rate) by writing files under src/core/kinds/ only, compiles the command-line tool from
// the copy, and runs it end to end: the paste is read as the new kind, its printed figures
// are validated, and `build` writes a data sheet whose derived figures are live formulas
// (recalculated by LibreOffice where it is installed).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { ROOT } from "../../support/builtCli";
import { computed, describeWithLibreOffice, recalculate } from "../../support/libreoffice";

const KIND_FILE = `// "Stop and search": searches in two periods and their % change, arrests and the arrest rate.
import type { ColumnInfo, TableRow } from "../model";
import { TOTAL_LABEL, typedValue } from "../read/buildRows";
import type { SourceLine } from "../read/sourceLines";
import { PRINTED_SUFFIX, closingColumns, figureColumns, type DataColumnDef } from "./columns";
import type { HeaderMatch, KindReader, RawRow } from "./reader";
import type { KindSchema } from "./schema";

const HEADINGS: [RegExp, string, ColumnInfo["type"]][] = [
  [/^searches prev/i, "searchesPrevious", "count"],
  [/^searches curr/i, "searchesCurrent", "count"],
  [/change/i, "searchesChangePct", "percent"],
  [/^arrests$/i, "arrests", "count"],
  [/^arrest rate$/i, "arrestRate", "percent"],
];

function matchCelled(l: SourceLine): HeaderMatch {
  if (!/^stop and search$/i.test(l.cells[0] ?? "")) return { schema: null, othersMayTry: true };
  const columns: ColumnInfo[] = [{ field: "category", heading: l.cells[0] ?? "", type: "text" }];
  const cellIndex = new Map<string, number>([["category", 0]]);
  l.cells.forEach((cell, i) => {
    const known = HEADINGS.find(([re]) => re.test(cell));
    if (i === 0 || !known) return;
    columns.push({ field: known[1], heading: cell, type: known[2] });
    cellIndex.set(known[1], i);
  });
  const valueFields = columns.slice(1).map((c) => c.field);
  if (valueFields.length !== HEADINGS.length) return { schema: null, othersMayTry: true };
  return {
    schema: { kind: "stop-search", headerLine: l.line, columns, cellIndex, labelFields: ["category"], valueFields },
  };
}

function rowOf(r: RawRow): TableRow {
  const values: Record<string, number | null> = {};
  for (const [, field, type] of HEADINGS) values[field] = typedValue(r.printed[field] ?? "", type);
  const label = r.labels[0] ?? "";
  return { line: r.line, category: label, subcategory: null, isTotal: TOTAL_LABEL.test(label), status: null, values, raw: { ...r.printed } };
}

const reader: KindReader = {
  headerHint: /stop and search/i,
  matchCelled,
  matchSpaced: () => null,
  dotIsStatus: false,
  rows: (raws) => raws.map(rowOf),
};

const DERIVED = [
  { field: "searchesChangePct", how: "change", inputs: ["searchesPrevious", "searchesCurrent"], name: "% change" },
  { field: "arrestRate", how: "rate", inputs: ["arrests", "searchesCurrent"], name: "arrest rate" },
] as const;

function planColumns(table: Parameters<KindSchema["planColumns"]>[0]): DataColumnDef[] {
  const cols: DataColumnDef[] = [{ heading: table.columns[0]?.heading ?? "Stop and search", role: "category", field: "category" }];
  for (const c of figureColumns(table)) {
    if (DERIVED.some((d) => d.field === c.field)) {
      cols.push({ heading: c.heading, role: "derived", field: c.field });
      cols.push({ heading: c.heading + PRINTED_SUFFIX, role: "printed", field: c.field });
    } else cols.push({ heading: c.heading, role: "value", field: c.field });
  }
  return closingColumns(cols);
}

export const stopSearch: KindSchema = {
  kind: "stop-search",
  defaultTitle: "Stop and search",
  sheetSuffix: "search",
  rowFamily: "offences",
  comparable: false,
  sheetFamily: null,
  fields: HEADINGS.map(([, field]) => field),
  printsDerived: true,
  derived: DERIVED,
  valueSpecs: () => () =>
    HEADINGS.map(([, field, type]) => ({ field, role: type === "percent" ? "percent" : "count", required: true })),
  optionalGroup: [],
  blanksAllowed: false,
  partsOfWhole: [{ part: "arrests", whole: "searchesCurrent" }],
  totals: ["searchesPrevious", "searchesCurrent", "arrests"],
  countPair: () => null,
  ratePair: () => null,
  percentMeasure: () => null,
  planColumns,
  reader,
};
`;

const PASTE = [
  "Stop and search",
  "Reporting Period Ending: 30 September 2024",
  "Stop and search\tSearches Previous\tSearches Current\t% Change\tArrests\tArrest Rate",
  "Drugs\t1,200\t1,050\t-12.5%\t180\t17.1%",
  "Weapons\t300\t330\t10.0%\t45\t13.6%",
  "Total\t1,500\t1,380\t-8.0%\t225\t16.3%",
  "",
].join("\n");

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** Files added or changed in `copy` against `original`. */
function changedFiles(original: string, copy: string): string[] {
  return filesUnder(copy).filter((f) => {
    const before = path.join(original, f);
    return (
      !fs.existsSync(before) || !fs.readFileSync(before).equals(fs.readFileSync(path.join(copy, f)))
    );
  });
}

function addStopSearchKind(srcDir: string): void {
  const kinds = path.join(srcDir, "core/kinds");
  fs.writeFileSync(path.join(kinds, "stopSearch.ts"), KIND_FILE);
  const names = path.join(kinds, "names.ts");
  fs.writeFileSync(
    names,
    fs.readFileSync(names, "utf8").replace('"datastore-r12"]', '"datastore-r12", "stop-search"]')
  );
  const index = path.join(kinds, "index.ts");
  const registry = fs
    .readFileSync(index, "utf8")
    .replace(
      'import { offencesSds } from "./offencesSds";',
      'import { offencesSds } from "./offencesSds";\nimport { stopSearch } from "./stopSearch";'
    )
    // Tried first: its header would otherwise pass for a calls table's.
    .replace(/(const KINDS[^{]*\{)/, '$1\n  "stop-search": stopSearch,');
  fs.writeFileSync(index, registry);
}

let work: string;
let cli: string;

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(work, "bin.js"), ...args], {
    cwd: work,
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "scrutiny-new-kind-"));
  fs.cpSync(path.join(ROOT, "src"), path.join(work, "src"), { recursive: true });
  for (const f of ["package.json", "tsconfig.json", "tsconfig.cli.json"])
    fs.copyFileSync(path.join(ROOT, f), path.join(work, f));
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(work, "node_modules"), "dir");
  addStopSearchKind(path.join(work, "src"));
  const tsc = spawnSync(
    process.execPath,
    [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
    {
      cwd: work,
      encoding: "utf8",
    }
  );
  if (tsc.status !== 0)
    throw new Error(`The copy with the new kind does not compile:\n${tsc.stdout}${tsc.stderr}`);
  cli = path.join(work, "dist/cli/main.js");
  fs.writeFileSync(
    path.join(work, "bin.js"),
    `require(${JSON.stringify(cli)}).main(process.argv.slice(2)).then((c) => { process.exitCode = c; });\n`
  );
  fs.writeFileSync(path.join(work, "stop-search.txt"), PASTE);
  fs.writeFileSync(path.join(work, "altered.txt"), PASTE.replace("10.0%", "12.0%"));
}, 120000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("a new table kind", () => {
  it("is added by files under src/core/kinds/ only", () => {
    const changed = changedFiles(path.join(ROOT, "src"), path.join(work, "src"));
    expect(changed.sort()).toEqual([
      "core/kinds/index.ts",
      "core/kinds/names.ts",
      "core/kinds/stopSearch.ts",
    ]);
  });

  it("is read and validated: figures that check out pass, an altered one is found on its line", () => {
    const good = run(["check", "stop-search.txt", "--json"]);
    expect(good.status).toBe(0);
    const report = JSON.parse(good.stdout);
    expect(report.tables).toHaveLength(1);
    expect(report.tables[0]).toMatchObject({ kind: "stop-search", periodEnding: "2024-09-30" });
    expect(report.issues.filter((i: { severity: string }) => i.severity === "error")).toEqual([]);

    const bad = run(["check", "altered.txt", "--json"]);
    expect(bad.status).toBe(1);
    const issues = JSON.parse(bad.stdout).issues;
    expect(issues).toEqual([
      expect.objectContaining({
        rule: "change-mismatch",
        line: 5,
        field: "searchesChangePct",
        reported: 12,
        expected: 10,
      }),
    ]);
  });

  it("is laid out and written: a data sheet with the printed figures beside live formulas", async () => {
    const out = path.join(work, "stop-search.xlsx");
    const built = run(["build", "stop-search.txt", "--out", out]);
    expect(built.stderr).toBe("");
    expect(built.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.worksheets.find((ws) => ws.getColumn(1).values.some((v) => v === "Weapons"));
    expect(sheet).toBeDefined();
    const header = sheet!.getRow(sheet!.getColumn(1).values.indexOf("Stop and search", 3));
    const headings = (header.values as unknown[]).filter((v) => typeof v === "string");
    expect(headings).toEqual([
      "Stop and search",
      "Searches Previous",
      "Searches Current",
      "% Change",
      "% Change (printed)",
      "Arrests",
      "Arrest Rate",
      "Arrest Rate (printed)",
      "Check",
      "Flag",
      "Source line",
    ]);
    const weapons = sheet!.getRow(header.number + 2);
    expect(weapons.getCell(1).value).toBe("Weapons");
    expect(
      weapons.getCell(4).formula ??
        (weapons.getCell(4).value as { sharedFormula?: string }).sharedFormula
    ).toBeDefined();
    expect(weapons.getCell(5).value).toBeCloseTo(0.1, 12);
  });
});

describeWithLibreOffice("a new table kind in LibreOffice", () => {
  it("computes its derived figures from the counts, as the printed ones", async () => {
    const out = path.join(work, "stop-search-recalc.xlsx");
    expect(run(["build", "stop-search.txt", "--out", out]).status).toBe(0);
    const wb = await recalculate(out);
    const sheet = wb.worksheets.find((ws) => ws.getColumn(1).values.some((v) => v === "Weapons"))!;
    const rowOf = (label: string) => sheet.getRow(sheet.getColumn(1).values.indexOf(label));
    expect(computed(rowOf("Drugs").getCell(4))).toBeCloseTo(-0.125, 12);
    expect(computed(rowOf("Weapons").getCell(7))).toBeCloseTo(45 / 330, 12);
    expect(computed(rowOf("Total").getCell(9))).toBe("✓");
  });
});
