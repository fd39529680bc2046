// `scrutiny-sheets refresh BOOK.xlsx [--add FILE]...`: re-reads the data sheets as the
// user left them, imports the added tables, and rebuilds every generated sheet. Sheets we
// did not generate are never touched and data sheets are never regenerated; a second
// refresh gives the same workbook.
import type { CliIO } from "./io";
import { loadInputs } from "./loadInputs";
import { importTables, startFromBuilt } from "../app/useCases";
import { today } from "../app/today";
import { readXlsx, type XlsxBook } from "../writers/xlsx/readXlsx";
import { fitsTheWriter, writeBook } from "./writeBook";
import { reasonOf } from "../app/errors";
import type { WorkbookPlan } from "../app/planWorkbook";
import { DefinitionsError } from "../layout/definitionsSchema";

export interface RefreshOptions {
  add?: string[];
  /** PDFs added: the pages to search ("7-84"). */
  pages?: string;
}

export async function runRefresh(book: string, opts: RefreshOptions, io: CliIO): Promise<number> {
  let xlsx: XlsxBook;
  let bytes: Uint8Array;
  try {
    bytes = await io.readBytes(book);
    xlsx = await readXlsx(bytes);
  } catch (err) {
    if (err instanceof DefinitionsError) return refused(book, err, io);
    io.stderr(`refresh: cannot read ${book}: ${reasonOf(err)}\n`);
    return 2;
  }
  const built = startFromBuilt(xlsx, today());
  if (!built.ok) {
    io.stderr(
      `refresh: ${book} has no scrutiny-sheets definitions (it was not built by scrutiny-sheets build); nothing written\n`
    );
    return 2;
  }
  const added = await loadInputs(opts.add ?? [], { pages: opts.pages }, io);
  if (!added.ok) {
    io.stderr(`refresh: ${added.error.message}; nothing written\n`);
    return 2;
  }

  if (!fitsTheWriter("refresh", added.tables, io)) return 2;
  // The same plan as the add-in's Refresh all: data sheets read back as the user left them.
  let plan: WorkbookPlan;
  try {
    plan = importTables(built.start, added.tables, built.start.settings).plan;
  } catch (err) {
    if (err instanceof DefinitionsError) return refused(book, err, io);
    throw err;
  }
  for (const w of plan.warnings) io.stderr(`refresh: ${w}\n`);
  if (!(await writeBook("refresh", plan.spec, book, io, bytes))) return 2;
  const addedSheets = plan.spec.sheets.filter((x) => x.role === "data").length;
  const read = plan.definitions.sheets.filter((d) => d.role === "data").length - addedSheets;
  const rebuilt = plan.spec.sheets.filter((x) => x.generated && x.role !== "definitions").length;
  const removed = plan.spec.removeSheets?.length ?? 0;
  io.stdout(
    `refreshed ${book}: ${read} data sheet(s) read${addedSheets ? `, ${addedSheets} added` : ""}, ` +
      `${rebuilt} generated sheet(s) rebuilt${removed ? `, ${removed} removed` : ""}; ` +
      `Checks with ${plan.checks.issues} issue(s) and ${plan.checks.anomalies} flag(s)\n`
  );
  return 0;
}

/** Definitions that cannot be trusted: the problem, and nothing written. */
function refused(book: string, err: DefinitionsError, io: CliIO): number {
  const said = err.message.includes("nothing was written") ? "" : "; nothing written";
  io.stderr(`refresh: ${book}: ${err.message}${said}\n`);
  return 2;
}
