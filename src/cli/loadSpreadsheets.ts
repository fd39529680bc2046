// Spreadsheet files given to check, build or refresh --add: every sheet of each is read
// (app/readSpreadsheet), before anything is written. The first that cannot be read stops
// the command, with a message naming the file, sheet and line.
import { reasonOf } from "../app/errors";
import type { CrimeTable } from "../core/model";
import { problem, type Result } from "../core/result";
import type { CliIO } from "./io";

export interface SheetLoadOptions {
  /** A single area names the tables of a single input file. */
  area?: string;
  period?: string;
  areas: string[];
  groups?: string[];
  /** Names besides London's boroughs a file name may give as its tables' area (wards of Datastore files given with it). */
  knownAreas?: readonly string[];
}

export async function loadSpreadsheets(
  files: string[],
  opts: SheetLoadOptions,
  io: CliIO
): Promise<Result<{ tables: CrimeTable[] }>> {
  const tables: CrimeTable[] = [];
  if (files.length === 0) return { ok: true, tables };
  // The spreadsheet library takes a sixth of a second to load: only when a spreadsheet is given.
  const { readSpreadsheet } = await import("../app/readSpreadsheet");
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await io.readBytes(file);
    } catch (err) {
      const why = reasonOf(err);
      return { ok: false, error: problem("unreadable", `cannot read ${file}: ${why}`, { file }) };
    }
    const name = file.split(/[\\/]/).pop() ?? file;
    const read = readSpreadsheet(bytes, name, {
      area: opts.area,
      period: opts.period,
      areas: opts.areas,
      groups: opts.groups,
      knownAreas: opts.knownAreas,
    });
    if (!read.ok) return { ok: false, error: { ...read.error, file } };
    for (const t of read.tables) tables.push(t);
  }
  return { ok: true, tables };
}
