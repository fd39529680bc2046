// One specification, two writers: the same layouts applied through Office.js (to the
// Excel test double) and written to .xlsx (read back with ExcelJS) both pass the layout
// contract, hostile pasted text included.
import { FakeExcel } from "../../doubles/fakeExcel";
import { OfficeJsClient } from "../../doubles/officeJsClient";
import { applyWorkbookSpec } from "../../../src/writers/officejs/applyWorkbookSpec";
import { writeXlsx } from "../../../src/writers/xlsx/writeXlsx";
import type { WorkbookSpec } from "../../../src/layout/spec";
import { checkWorkbookAgainstSpec } from "../layoutContract";
import { viewFakeWorkbook } from "./viewFakeWorkbook";
import { viewExcelJsWorkbook } from "../viewExcelJsWorkbook";
import {
  dataStage,
  datastoreAreas,
  generatedStage,
  importSpec,
  mertonAugust,
  mertonJuly,
} from "./scenarios";
import { HOSTILE } from "./hostile";

async function bothWriters(spec: WorkbookSpec): Promise<{ officejs: string[]; xlsx: string[] }> {
  const excel = new FakeExcel();
  await new OfficeJsClient(excel).run((ctx) => applyWorkbookSpec(ctx, spec));
  return {
    officejs: checkWorkbookAgainstSpec(viewFakeWorkbook(excel), spec),
    xlsx: checkWorkbookAgainstSpec(await viewExcelJsWorkbook(await writeXlsx(spec)), spec),
  };
}

describe("both writers, one layout contract", () => {
  it("an import of two periods of a pasted table", async () => {
    const july = importSpec(mertonJuly(), []);
    const august = importSpec(
      mertonAugust(),
      july.spec.sheets.map((s) => s.name),
      july.definitions,
      july.refs
    );
    const spec = {
      sheets: [...july.spec.sheets.filter((s) => !s.generated), ...august.spec.sheets],
    };
    expect(await bothWriters(spec)).toEqual({ officejs: [], xlsx: [] });
  });

  it("comparison and trend sheets over three areas", async () => {
    const data = dataStage(datastoreAreas(3), []);
    const gen = generatedStage(
      data.refs,
      data.refs.map((r) => r.def.name),
      data.definitions
    );
    const spec = {
      sheets: [...data.spec.sheets.filter((s) => s.role !== "definitions"), ...gen.spec.sheets],
    };
    expect(await bothWriters(spec)).toEqual({ officejs: [], xlsx: [] });
  });

  const pasted = (texts: string[]): WorkbookSpec => ({
    sheets: [
      {
        name: "Pasted",
        role: "data",
        generated: false,
        blocks: [
          {
            row: 0,
            col: 0,
            cells: texts.map((text, i) => [
              { text },
              { number: -i - 0.5 },
              { formula: `B${i + 1}*2` },
            ]),
          },
        ],
        tables: [],
        conditionalFormats: [],
        charts: [],
      },
    ],
  });

  it("hostile pasted text", async () => {
    expect(await bothWriters(pasted(HOSTILE.filter((t) => !t.includes("\r"))))).toEqual({
      officejs: [],
      xlsx: [],
    });
  });

  // ExcelJS would write a carriage return raw inside the XML, which every XML reader turns
  // into a line feed; the .xlsx writer escapes it as _x000D_, as Excel does.
  it("a carriage return in pasted text survives the .xlsx writer too", async () => {
    expect(await bothWriters(pasted(HOSTILE.filter((t) => t.includes("\r"))))).toEqual({
      officejs: [],
      xlsx: [],
    });
  });
});
