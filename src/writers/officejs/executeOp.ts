// Maps one planned operation onto Office.js calls. Nothing here syncs: the caller queues
// a whole request, then syncs once.

import { STYLES } from "../../layout/styles";
import type { FormatSpec } from "../../layout/spec";
import { parseRangeAddress } from "../../layout/a1";
import type { WriteOp } from "./planWrites";

const CHART_TYPES = { line: "Line", column: "ColumnClustered", bar: "BarClustered" } as const;
const HEADER_BORDER = "#8EA9DB";

/** Worksheet proxies of this run, by sheet name as the spec gives it. */
export type SheetProxies = Map<string, Excel.Worksheet>;

function sheetOf(
  context: Excel.RequestContext,
  sheets: SheetProxies,
  name: string
): Excel.Worksheet {
  let ws = sheets.get(name.toLowerCase());
  if (!ws) {
    ws = context.workbook.worksheets.getItem(name);
    sheets.set(name.toLowerCase(), ws);
  }
  return ws;
}

function rangeAt(
  ws: Excel.Worksheet,
  r: { row: number; col: number; rows: number; cols: number }
): Excel.Range {
  return ws.getRangeByIndexes(r.row, r.col, r.rows, r.cols);
}

/** A range named by an address that may carry its sheet ("'Trend Merton'!C5:H5"). */
function rangeOf(
  context: Excel.RequestContext,
  sheets: SheetProxies,
  address: string,
  here: string
): Excel.Range {
  const p = parseRangeAddress(address);
  if (!p) throw new Error(`Not a range address: ${address}`); // planWrites refused these already
  return rangeAt(sheetOf(context, sheets, p.sheet ?? here), p);
}

function applyFont(font: Excel.RangeFont | Excel.ConditionalRangeFont, f: FormatSpec): void {
  if (f.fontColor) font.color = f.fontColor;
  if (f.bold) font.bold = true;
  if (f.italic) font.italic = true;
}

export function executeOp(context: Excel.RequestContext, sheets: SheetProxies, op: WriteOp): void {
  switch (op.kind) {
    case "remove":
      context.workbook.worksheets.getItem(op.existing).delete();
      return;
    case "create":
      sheets.set(op.sheet.toLowerCase(), context.workbook.worksheets.add(op.sheet));
      return;
    case "reuse": {
      const ws = context.workbook.worksheets.getItem(op.existing);
      sheets.set(op.sheet.toLowerCase(), ws);
      if (op.existing !== op.sheet) ws.name = op.sheet;
      for (const t of op.deleteTables) ws.tables.getItem(t).delete();
      for (const c of op.deleteCharts) ws.charts.getItem(c).delete();
      const area = op.clear === "all" ? ws.getRange() : rangeAt(ws, op.clear);
      area.conditionalFormats.clearAll();
      area.clear("All");
      ws.freezePanes.unfreeze();
      return;
    }
    case "numberFormat":
      // A 1x1 array is applied to every cell of the range (documented for numberFormat),
      // so a column of 100,000 rows costs one short operation.
      rangeAt(sheetOf(context, sheets, op.sheet), op.rect).numberFormat = [[op.format]];
      return;
    case "numberFormats":
      rangeAt(sheetOf(context, sheets, op.sheet), op.rect).numberFormat = op.formats;
      return;
    case "cells":
      rangeAt(sheetOf(context, sheets, op.sheet), op.rect).formulas = op.formulas;
      return;
    case "formulaR1C1": {
      // One value for the whole range: Office.js documents that a single value set on
      // formulas/values/formulasR1C1 applies to every cell; the typings only know 2-D arrays.
      const range = rangeAt(sheetOf(context, sheets, op.sheet), op.rect) as unknown as {
        formulasR1C1: string;
      };
      range.formulasR1C1 = op.formula;
      return;
    }
    case "style": {
      const s = STYLES[op.style];
      const format = rangeAt(sheetOf(context, sheets, op.sheet), op.rect).format;
      if (s.fill) format.fill.color = s.fill;
      applyFont(format.font, s);
      if (s.size) format.font.size = s.size;
      if (s.wrap) {
        format.wrapText = true;
        format.verticalAlignment = "Top";
      }
      if (s.borderBottom) {
        const edge = format.borders.getItem("EdgeBottom");
        edge.style = "Continuous";
        edge.color = HEADER_BORDER;
      }
      return;
    }
    case "columnWidth":
      sheetOf(context, sheets, op.sheet).getRangeByIndexes(
        0,
        op.col,
        1,
        op.cols
      ).format.columnWidth = op.points;
      return;
    case "link":
      // No textToDisplay: the cell keeps the text already written (as text).
      sheetOf(context, sheets, op.sheet).getRangeByIndexes(op.row, op.col, 1, 1).hyperlink = {
        documentReference: op.target,
        screenTip: op.target,
      };
      return;
    case "note":
      sheetOf(context, sheets, op.sheet).notes.add(
        sheetOf(context, sheets, op.sheet).getRangeByIndexes(op.row, op.col, 1, 1),
        op.text
      );
      return;
    case "table": {
      const ws = sheetOf(context, sheets, op.sheet);
      const t = ws.tables.add(rangeAt(ws, op.table), true);
      t.name = op.table.name;
      t.style = op.table.style ?? "TableStyleLight9";
      return;
    }
    case "conditionalFormat": {
      const cf = rangeAt(sheetOf(context, sheets, op.sheet), op.rect).conditionalFormats.add(
        "Custom"
      );
      cf.custom.rule.formula = `=${op.formula}`;
      if (op.format.fill) cf.custom.format.fill.color = op.format.fill;
      applyFont(cf.custom.format.font, op.format);
      if (op.stopIfTrue) cf.stopIfTrue = true;
      // Excel puts a new rule first; setting each rule's place keeps the layout's order.
      cf.priority = op.priority;
      return;
    }
    case "chart": {
      const ws = sheetOf(context, sheets, op.sheet);
      const c = op.chart;
      const first = c.series[0];
      if (!first) return; // planWrites refused charts without series
      const firstRange = rangeOf(context, sheets, first.values, op.sheet);
      const parsed = parseRangeAddress(first.values);
      const chart = ws.charts.add(
        CHART_TYPES[c.type],
        firstRange,
        parsed && parsed.rows === 1 ? "Rows" : "Columns"
      );
      chart.name = op.name;
      chart.title.text = c.title;
      const categories = rangeOf(context, sheets, c.categories, op.sheet);
      const s0 = chart.series.getItemAt(0);
      s0.name = first.name;
      s0.setXAxisValues(categories);
      for (const s of c.series.slice(1)) {
        const added = chart.series.add(s.name);
        added.setValues(rangeOf(context, sheets, s.values, op.sheet));
        added.setXAxisValues(categories);
      }
      chart.setPosition(
        ws.getRangeByIndexes(c.row, c.col, 1, 1),
        ws.getRangeByIndexes(
          c.row + Math.max(1, c.height) - 1,
          c.col + Math.max(1, c.width) - 1,
          1,
          1
        )
      );
      return;
    }
    case "freeze": {
      const panes = sheetOf(context, sheets, op.sheet).freezePanes;
      if (op.rows > 0 && op.cols > 0)
        panes.freezeAt(
          sheetOf(context, sheets, op.sheet).getRangeByIndexes(0, 0, op.rows, op.cols)
        );
      else if (op.rows > 0) panes.freezeRows(op.rows);
      else panes.freezeColumns(op.cols);
      return;
    }
    case "visibility":
      sheetOf(context, sheets, op.sheet).visibility = op.visibility;
      return;
  }
}
