// The pane's PDF reading (src/taskpane/worker/analysePdf.ts), run in a Node process of
// its own since PDF.js is an ES module that jest's CommonJS module system cannot load.
// (In a browser worker it loads PDF.js with loadPdfJsInBrowser.)
import { execFileSync } from "child_process";
import path from "path";
import { PDF_FIXTURES, REQUIRE_TS } from "../../support/pdfText";

const ROOT = path.join(__dirname, "../../..");

const SCRIPT = `
${REQUIRE_TS}
const { analysePdf } = require("./src/taskpane/worker/analysePdf.ts");
(async () => {
  const [file, pages] = JSON.parse(process.argv[1]);
  const bytes = new Uint8Array(fs.readFileSync(file));
  const out = await analysePdf({ name: require("path").basename(file), bytes, pages: pages ?? undefined }, {});
  process.stdout.write(JSON.stringify({ out }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

interface Outcome {
  out:
    | {
        status: "ok";
        analysis: {
          tables: { page: number; area: string; periodEnding: string; kind: string }[];
          issues: { severity: string }[];
          unreadable: { page: number }[];
        };
      }
    | { status: "error"; error: { message: string } };
}

const analyse = (name: string, pages?: string): Outcome =>
  JSON.parse(
    execFileSync(
      process.execPath,
      ["-e", SCRIPT, JSON.stringify([path.join(PDF_FIXTURES, name), pages])],
      {
        cwd: ROOT,
        encoding: "utf8",
      }
    )
  ) as Outcome;

test("the paper's tables reach the pane with page, area and period, checked, no error issue", () => {
  const { out } = analyse("paper.pdf");
  if (out.status !== "ok") throw new Error(out.error.message);
  const { tables, issues, unreadable } = out.analysis;
  expect(tables).toHaveLength(10);
  expect(tables[0]).toMatchObject({
    kind: "offences-sds",
    area: "Merton",
    periodEnding: "2017-07-02",
  });
  expect(tables.every((t) => t.page >= 1 && t.page <= 30)).toBe(true);
  expect(issues.filter((x) => x.severity === "error")).toEqual([]);
  expect(unreadable).toEqual([]);
});

test("pages limit the search", () => {
  const { out } = analyse("paper.pdf", "7-8");
  expect(out.status === "ok" && out.analysis.tables.map((t) => t.area)).toEqual(["Borough A"]);
});

test("a scanned PDF is an error the pane shows, naming the file", () => {
  const { out } = analyse("scanned.pdf");
  expect(out.status).toBe("error");
  expect(out.status === "error" && out.error.message).toMatch(/^scanned\.pdf has no text to read/);
});
