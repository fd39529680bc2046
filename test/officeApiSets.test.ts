// The requirement-set check (`npm run api-sets`, scripts/check-api-sets.js): it passes on
// our sources and lists the members the README names with their true sets; on a small
// fixture project it fails on an ExcelApi 1.9 member used unguarded and passes once the
// same member sits behind an isSetSupported guard.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..");
const SCRIPT = path.join(ROOT, "scripts", "check-api-sets.js");
const MANIFEST = path.join(ROOT, "manifest.xml");

jest.setTimeout(90_000);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "api-sets-test-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  json: { members: { member: string; set: string; count: number }[]; unguarded: number };
}

function check(project: string, name: string): Run {
  const json = path.join(dir, `${name}.json`);
  const run = spawnSync(
    process.execPath,
    [SCRIPT, "--project", project, "--manifest", MANIFEST, "--json", json],
    { encoding: "utf8", cwd: ROOT }
  );
  const summary = fs.existsSync(json) ? JSON.parse(fs.readFileSync(json, "utf8")) : null;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, json: summary };
}

/** A project of one source file, src/use.ts, typed by our @types/office-js. */
function fixture(name: string, source: string): Run {
  const project = path.join(dir, name);
  fs.mkdirSync(path.join(project, "src"), { recursive: true });
  fs.writeFileSync(
    path.join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2020",
        module: "esnext",
        moduleResolution: "bundler",
        strict: true,
        skipLibCheck: true,
        typeRoots: [path.join(ROOT, "node_modules", "@types")],
        types: ["office-js"],
      },
      include: ["src"],
    })
  );
  fs.writeFileSync(path.join(project, "src", "use.ts"), source);
  return check(path.join(project, "tsconfig.json"), name);
}

const lineFor = (out: string, member: string) =>
  out.split("\n").filter((l) => l.trim().startsWith(`${member} — `));

describe("check-api-sets on the add-in's sources", () => {
  let run: Run;
  beforeAll(() => {
    run = check(path.join(ROOT, "tsconfig.json"), "real");
  });

  it("exits 0: every member above the manifest minimum is guarded", () => {
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("manifest minimum: ExcelApi 1.7");
    expect(run.stdout).not.toContain("UNGUARDED");
    expect(run.status).toBe(0);
  });

  it("lists the members the README names, with the sets @types/office-js gives them", () => {
    for (const [member, set] of [
      ["Range.conditionalFormats", "ExcelApi 1.6"],
      ["Application.suspendApiCalculationUntilNextSync", "ExcelApi 1.6"],
      ["Range.hyperlink", "ExcelApi 1.7"],
      ["Worksheet.freezePanes", "ExcelApi 1.7"],
      ["Worksheet.getRangeByIndexes", "ExcelApi 1.7"],
      // a property of an object literal typed by Office.js (range.hyperlink = { … })
      ["RangeHyperlink.documentReference", "ExcelApi 1.7"],
    ]) {
      const lines = lineFor(run.stdout, member ?? "");
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines)
        expect(l).toMatch(new RegExp(` — ${set} — src/\\S+:\\d+ — within minimum$`));
      expect(run.json.members).toContainEqual(expect.objectContaining({ member, set }));
    }
  });

  it("checks src only, not the tests", () => {
    expect(run.stdout).not.toMatch(/ — test\//);
  });

  it("shows the cell notes (ExcelApi 1.18) as guarded through planWrites' notes option", () => {
    const lines = lineFor(run.stdout, "Worksheet.notes");
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/ExcelApi 1\.18 — .* — guarded/);
  });
});

describe("check-api-sets on a fixture", () => {
  const head =
    "export function use(context: Excel.RequestContext): void {\n" +
    "  const ws = context.workbook.worksheets.getActiveWorksheet();\n";

  it("fails on an ExcelApi 1.9 member used unguarded, naming it and its line", () => {
    const run = fixture("unguarded", `${head}  ws.autoFilter.remove();\n}\n`);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /Worksheet\.autoFilter — ExcelApi 1\.9 — src\/use\.ts:3 — UNGUARDED/
    );
    expect(run.stdout).toContain("FAIL");
    expect(run.json.unguarded).toBeGreaterThan(0);
  });

  it("fails when the guard asks for a lower version than the member's", () => {
    const run = fixture(
      "too-low",
      `${head}  if (Office.context.requirements.isSetSupported("ExcelApi", "1.8")) ws.autoFilter.remove();\n}\n`
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/Worksheet\.autoFilter — ExcelApi 1\.9 — .* — UNGUARDED/);
  });

  it("passes with the same member behind isSetSupported: if, &&, early return or a helper", () => {
    const run = fixture(
      "guarded",
      `const FEATURES = { filters: "1.9" } as const;
function has(feature: keyof typeof FEATURES): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", FEATURES[feature]);
}
${head}  if (Office.context.requirements.isSetSupported("ExcelApi", "1.9")) {
    ws.autoFilter.remove();
  }
  const ok = Office.context.requirements.isSetSupported("ExcelApi", "1.10");
  if (ok) ws.autoFilter.remove();
  void (has("filters") && ws.autoFilter.remove());
}
export function early(ws: Excel.Worksheet): void {
  if (!has("filters")) return;
  ws.autoFilter.remove();
}
`
    );
    expect(run.stdout).not.toContain("UNGUARDED");
    expect(lineFor(run.stdout, "Worksheet.autoFilter")).toHaveLength(4);
    expect(run.status).toBe(0);
  });
});
