// Nothing lost: a write that fails half-way (the double fails the n-th request after half
// of its operations ran, with no rollback, as Excel does) leaves every sheet the user made
// exactly as it was, names the sheets it left incomplete, and writing those again (the
// rest of the spec, allowed to replace them) repairs them.
import { FakeExcel } from "../../doubles/fakeExcel";
import { OfficeJsClient } from "../../doubles/officeJsClient";
import {
  applyWorkbookSpec,
  specToRepair,
  type ApplyOptions,
} from "../../../src/writers/officejs/applyWorkbookSpec";
import { WorkbookWriteError } from "../../../src/writers/officejs/errors";
import type { WorkbookSpec } from "../../../src/layout/spec";
import { assertWorkbookMatchesSpec, checkWorkbookAgainstSpec } from "../layoutContract";
import { viewFakeWorkbook } from "./viewFakeWorkbook";
import { importSpec, mertonAugust, mertonJuly } from "./scenarios";

const apply = (excel: FakeExcel, spec: WorkbookSpec, options?: ApplyOptions) =>
  new OfficeJsClient(excel).run((ctx) => applyWorkbookSpec(ctx, spec, options));

/** Small requests, so that one import is written in many and can fail at each. */
const SMALL = 40_000;

async function setUp() {
  const excel = new FakeExcel();
  excel.addSheet("My notes", [["Figures for the committee"], ["=1+1", 42, "keep me"]]);
  const first = importSpec(mertonJuly(), excel.sheetNames());
  await apply(excel, first.spec);
  // The July data sheet is the user's now: they corrected a figure in it.
  const july = first.spec.sheets[0]!.name;
  excel.typeCells(july, "Z1", [["my own note"]]);
  const second = importSpec(mertonAugust(), excel.sheetNames(), first.definitions, first.refs);
  const userSheets = ["My notes", july];
  return { excel, first, second, userSheets, snapshots: userSheets.map((n) => excel.snapshot(n)) };
}

describe("a write that fails half-way", () => {
  it("is written in several requests when they are small (so each can fail)", async () => {
    const { excel, first, second } = await setUp();
    const report = await apply(excel, second.spec, {
      previous: first.definitions,
      maxRequestBytes: SMALL,
    });
    expect(report.requests.length).toBeGreaterThanOrEqual(4);
    assertWorkbookMatchesSpec(viewFakeWorkbook(excel), second.spec);
  });

  it("at every request: user sheets untouched, incomplete sheets named, and a rerun repairs them", async () => {
    const probe = await setUp();
    const clean = await apply(probe.excel, probe.second.spec, {
      previous: probe.first.definitions,
      maxRequestBytes: SMALL,
    });
    const writes = clean.requests;
    for (let k = 0; k < writes.length; k++) {
      const { excel, first, second, userSheets, snapshots } = await setUp();
      excel.failSync(clean.readSyncs + k + 1, {
        afterOperations: Math.floor((writes[k]?.operations ?? 2) / 2) + 1,
      });
      const error = await apply(excel, second.spec, {
        previous: first.definitions,
        maxRequestBytes: SMALL,
      }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(WorkbookWriteError);
      const partial = (error as WorkbookWriteError).partial;
      expect(userSheets.map((n) => excel.snapshot(n))).toEqual(snapshots);
      expect(partial.incompleteSheets.length).toBeGreaterThan(0);
      expect([...partial.completeSheets, ...partial.incompleteSheets].sort()).toEqual(
        second.spec.sheets.map((s) => s.name).sort()
      );
      // What the error calls complete is complete; what is wrong is among the incomplete.
      const complete = {
        sheets: second.spec.sheets.filter((s) => partial.completeSheets.includes(s.name)),
      };
      expect(checkWorkbookAgainstSpec(viewFakeWorkbook(excel), complete)).toEqual([]);
      const wrong = new Set(
        checkWorkbookAgainstSpec(viewFakeWorkbook(excel), second.spec).map((d) => d.split(":")[0])
      );
      for (const name of wrong)
        expect(
          partial.incompleteSheets.some((s) => name?.startsWith(s) || name?.includes(`"${s}"`))
        ).toBe(true);

      const completed = partial.completeSheets.map((n) => excel.snapshot(n));
      const rerun = await apply(excel, specToRepair(second.spec, partial), {
        previous: first.definitions,
        ownedSheets: partial.incompleteSheets,
      });
      assertWorkbookMatchesSpec(viewFakeWorkbook(excel), second.spec);
      expect(userSheets.map((n) => excel.snapshot(n))).toEqual(snapshots);
      expect(partial.completeSheets.map((n) => excel.snapshot(n))).toEqual(completed);
      expect(rerun.sheets.sort()).toEqual([...partial.incompleteSheets].sort());
    }
  });

  it("without being told which sheets it left incomplete, a rerun refuses to touch them rather than guess", async () => {
    const { excel, first, second } = await setUp();
    excel.failSync(3, { afterOperations: 5 }); // two reads (sheets to rebuild exist), then the first write
    await expect(
      apply(excel, second.spec, { previous: first.definitions, maxRequestBytes: SMALL })
    ).rejects.toBeInstanceOf(WorkbookWriteError);
    await expect(apply(excel, second.spec, { previous: first.definitions })).rejects.toMatchObject({
      name: "WorkbookPlanError",
      issues: [
        expect.objectContaining({
          problem: "user-sheet-in-the-way",
          sheet: second.spec.sheets[0]!.name,
        }),
      ],
    });
  });
});
