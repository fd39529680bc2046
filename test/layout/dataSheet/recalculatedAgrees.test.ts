// A table of no known kind: each change and % change column its checks pair is written
// again beside it as a formula on the pair, rounded as the figure was printed, and the
// printed figure is marked where the two differ. Every corpus table laid out together and
// recalculated by LibreOffice: the formulas give exactly the rows the core finds wrong.
import type ExcelJS from "exceljs";
import type { CrimeTable } from "../../../src/core/model";
import { readPaste } from "../../../src/core/read";
import { genericChanges, validateTables } from "../../../src/core/validate";
import { computed, describeWithLibreOffice, errorCells } from "../../support/libreoffice";
import { laidOut, recalculated } from "../../support/laidOutData";
import { TABLE_FILES, tableText } from "../../support/tablesCorpus";

describeWithLibreOffice(
  "generic tables' changes recalculated in LibreOffice agree with the core",
  () => {
    const tables: CrimeTable[] = TABLE_FILES.flatMap((file) => {
      const read = readPaste(tableText(file), { source: file, area: "X" });
      return read.ok ? read.tables.filter((t) => t.kind === "generic") : [];
    });
    const issues = validateTables(tables);
    const { spec, dataDefs } = laidOut(tables, issues, [], "2026-12-04");
    let book: ExcelJS.Workbook;

    beforeAll(async () => {
      book = await recalculated(spec, "recalc");
    }, 300000);

    it("writes a recalculated column for the corpus's checked changes, and no formula errs", () => {
      const recalculated = dataDefs.flatMap((d) =>
        d.data.columns.filter((c) => c.role === "recalculated")
      );
      expect(recalculated.length).toBeGreaterThanOrEqual(10);
      expect(errorCells(book)).toEqual([]);
    });

    it("marks exactly the printed figures the core reports as changes that do not check out", () => {
      let compared = 0;
      const marked: string[] = [];
      for (const [ti, t] of tables.entries()) {
        const def = dataDefs[ti]!;
        const ws = book.getWorksheet(def.name)!;
        const cols = def.data.columns;
        for (const c of cols.filter((x) => x.role === "recalculated")) {
          const printedCol = cols.findIndex((x) => x.role === "value" && x.field === c.field) + 1;
          const recalcCol = cols.indexOf(c) + 1;
          for (const [i, row] of t.rows.entries()) {
            const r = ws.getRow(def.data.headerRow + 2 + i);
            const P = computed(r.getCell(printedCol));
            const R = computed(r.getCell(recalcCol));
            if (typeof P !== "number") continue;
            // The sheet's highlight: the printed figure differs from its recalculation.
            const differs = typeof R === "number" ? Math.abs(P - R) > 1e-9 : R === "n/a";
            if (typeof R === "number" || R === "n/a") compared++;
            if (differs) marked.push(`${def.name}:${row.line}:${c.field}`);
          }
        }
      }
      const reported = issues
        .filter((i) => i.rule === "change-mismatch" || i.rule === "change-undefined")
        .filter((i) =>
          genericChanges(tables[i.table]!).some(
            (g) => g.field === i.field && g.how !== "change-points"
          )
        )
        .filter(
          (i) =>
            i.rule === "change-mismatch" ||
            typeof tables[i.table]!.rows.find((r) => r.line === i.line)?.values[i.field] ===
              "number"
        )
        .map((i) => `${dataDefs[i.table]!.name}:${i.line}:${i.field}`);
      expect(compared).toBeGreaterThan(100);
      expect(marked.sort()).toEqual([...new Set(reported)].sort());
      expect(marked.length).toBeGreaterThanOrEqual(4); // Calgary's four, worked out by hand
    });
  }
);
