// What a test asserts on requests as Office.js serialised them (officeJsClient), where
// reading the workbook afterwards cannot tell: values and formulas set onto a range of
// another size, and how big each request was.

import type { FakeExcel } from "./fakeExcel";
import type { WireBody, WireRequest } from "./officeJsClient";

/** Properties that carry a cell array sized like their range (numberFormat may be 1x1). */
const CELL_ARRAYS = new Set(["Values", "Formulas", "FormulasR1C1", "FormulasLocal"]);

/** The size of a range path when the request states it (getRangeByIndexes), else null. */
function stated(body: WireBody, pathId: number): { rows: number; cols: number } | null {
  const p = body.ObjectPaths[String(pathId)];
  if (!p || p.Name !== "GetRangeByIndexes") return null;
  const [, , rows, cols] = (p.ArgumentInfo?.Arguments ?? []) as number[];
  return rows !== undefined && cols !== undefined ? { rows, cols } : null;
}

/** Each value or formula set whose argument is not a 2-D array the size of its range. */
export function cellSetsNotSized(requests: readonly WireRequest[]): string[] {
  const out: string[] = [];
  requests.forEach((r, i) => {
    for (const a of r.body.Actions) {
      if (a.ActionType !== 4 || !CELL_ARRAYS.has(a.Name)) continue;
      const v = a.ArgumentInfo?.Arguments?.[0];
      const size = stated(r.body, a.ObjectPathId);
      if (!Array.isArray(v) || !Array.isArray(v[0])) {
        out.push(`request ${i + 1}: ${a.Name} = ${JSON.stringify(v).slice(0, 60)} (not an array)`);
      } else if (size && (v.length !== size.rows || v[0].length !== size.cols)) {
        out.push(
          `request ${i + 1}: ${a.Name} ${v.length}x${v[0].length} onto ${size.rows}x${size.cols}`
        );
      }
    }
  });
  return out;
}

/** Hyperlinks on each sheet of the double's workbook. */
export function linksPerSheet(excel: FakeExcel): Map<string, number> {
  const out = new Map<string, number>();
  for (const sheet of excel.state.sheets) {
    let n = 0;
    for (const cell of sheet.cells.values()) if (cell.hyperlink) n++;
    out.set(sheet.name, n);
  }
  return out;
}

/** Count of actions per name over requests (SetProperty and Method), for transcripts and figures. */
export function actionCounts(requests: readonly WireRequest[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of requests)
    for (const a of r.body.Actions)
      if (a.ActionType === 3 || a.ActionType === 4) out[a.Name] = (out[a.Name] ?? 0) + 1;
  return out;
}
