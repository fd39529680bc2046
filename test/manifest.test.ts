// The add-in manifest: `npm run validate` (scripts/validate-manifest.js) accepts ours and
// rejects broken copies with a message that names the problem and its line. Also checks the
// product facts the manifest must state (host, API requirement, the two ribbon buttons).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseDocument } from "htmlparser2";
import type { ChildNode, Element } from "domhandler";

const ROOT = path.join(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const VALIDATOR = path.join(ROOT, "scripts", "validate-manifest.js");
const ours = fs.readFileSync(MANIFEST, "utf8");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-test-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function validate(file: string): Run {
  const run = spawnSync(process.execPath, [VALIDATOR, file, "--root", ROOT], { encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Writes a copy of our manifest with `from` replaced by `to` (which must occur) and validates it. */
function validateVariant(name: string, from: string, to: string): Run & { file: string } {
  expect(ours).toContain(from);
  const file = path.join(dir, `${name}.xml`);
  fs.writeFileSync(file, ours.replace(from, to));
  return { ...validate(file), file };
}

/** Line (1-based) of the first occurrence of `needle` in our manifest. */
function lineOf(needle: string): number {
  const at = ours.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  return ours.slice(0, at).split("\n").length;
}

describe("manifest validation (npm run validate)", () => {
  it("accepts our manifest", () => {
    const run = validate(MANIFEST);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("manifest.xml is valid");
  });

  it("rejects an unknown element, naming it, the line and what the schema expected", () => {
    const run = validateVariant(
      "broken-element",
      "<Permissions>ReadWriteDocument</Permissions>",
      "<Permission>ReadWriteDocument</Permission>"
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `${run.file}:${lineOf("<Permissions>")}: [schema] Element 'Permission': This element is not expected. Expected is ( Permissions ).`
    );
  });

  it("rejects XML that is not well-formed", () => {
    const run = validateVariant(
      "not-well-formed",
      '<DisplayName DefaultValue="Scrutiny Sheets"/>',
      '<DisplayName DefaultValue="Scrutiny Sheets">'
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /\[xml\] not well-formed XML: Opening and ending tag mismatch: DisplayName/
    );
  });

  it("rejects elements in the wrong order", () => {
    const run = validateVariant(
      "wrong-order",
      "<Version>1.0.0.0</Version>\n  <ProviderName>Scrutiny Sheets</ProviderName>",
      "<ProviderName>Scrutiny Sheets</ProviderName>\n  <Version>1.0.0.0</Version>"
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `${run.file}:${lineOf("<Version>")}: [schema] Element 'ProviderName': This element is not expected. Expected is one of ( AlternateId, Version ).`
    );
  });

  it("rejects a URL that is not https", () => {
    const run = validateVariant(
      "http-url",
      'id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"',
      'id="Taskpane.Url" DefaultValue="http://localhost:3000/taskpane.html"'
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `${run.file}:${lineOf('<bt:Url id="Taskpane.Url"')}: [https] <bt:Url> "http://localhost:3000/taskpane.html" must use https`
    );
  });

  it("rejects a URL on another origin than the task pane's", () => {
    const run = validateVariant(
      "other-origin",
      'DefaultValue="https://localhost:3000/commands.html"',
      'DefaultValue="https://localhost:3001/commands.html"'
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `${run.file}:${lineOf('<bt:Url id="Commands.Url"')}: [origin] <bt:Url> "https://localhost:3001/commands.html" is on https://localhost:3001, but the add-in is served from https://localhost:3000`
    );
  });

  it("rejects an icon whose file is missing from assets/", () => {
    const run = validateVariant(
      "missing-icon",
      "https://localhost:3000/assets/refresh-32.png",
      "https://localhost:3000/assets/refresh-33.png"
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `${run.file}:${lineOf('<bt:Image id="Refresh.32x32"')}: [icon] <bt:Image> "https://localhost:3000/assets/refresh-33.png": the file assets/refresh-33.png does not exist`
    );
  });

  it("rejects an icon whose pixel size is not the size it is used at", () => {
    const run = validateVariant(
      "wrong-icon-size",
      'id="Refresh.80x80" DefaultValue="https://localhost:3000/assets/refresh-80.png"',
      'id="Refresh.80x80" DefaultValue="https://localhost:3000/assets/refresh-16.png"'
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("assets/refresh-16.png is 16x16 pixels, expected 80x80");
  });

  it("rejects an add-in id that is not a GUID", () => {
    const id = /<Id>([^<]+)<\/Id>/.exec(ours)?.[1] ?? "";
    const run = validateVariant("bad-guid", `<Id>${id}</Id>`, `<Id>${id.slice(0, -1)}</Id>`);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `${run.file}:${lineOf("<Id>")}: [guid] <Id> must be a GUID written like 8f14e45f-ceea-467f-a0e6-3b3c1e7a1d2b, found "${id.slice(0, -1)}"`
    );
  });

  it("rejects the GUID of Microsoft's template, which would collide with other add-ins", () => {
    const id = /<Id>([^<]+)<\/Id>/.exec(ours)?.[1] ?? "";
    const run = validateVariant("template-guid", id, "05c2e1c9-3e1d-406e-9a91-e9ac64854143");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "[guid] <Id> 05c2e1c9-3e1d-406e-9a91-e9ac64854143 is the id of Microsoft's task-pane add-in template"
    );
  });

  it("rejects a resid that names no resource", () => {
    const run = validateVariant(
      "dangling-resid",
      'resid="Refresh.Tooltip"',
      'resid="Refresh.Tooltp"'
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `${run.file}:${lineOf('resid="Refresh.Tooltip"')}: [resid] <Description resid="Refresh.Tooltp"> names no resource in Resources/LongStrings`
    );
  });

  it("rejects two ribbon controls with one id", () => {
    const run = validateVariant(
      "duplicate-id",
      'id="ScrutinySheets.Refresh"',
      'id="ScrutinySheets.OpenPane"'
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `[id] id "ScrutinySheets.OpenPane" on <Control> is already used on line ${lineOf('id="ScrutinySheets.OpenPane"')}`
    );
  });

  it("reports a missing manifest file as unable to run (exit 2)", () => {
    const run = validate(path.join(dir, "nowhere.xml"));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("nowhere.xml does not exist");
  });
});

describe("what our manifest declares", () => {
  const elements: Element[] = [];
  const walk = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (node.type === "tag") {
        elements.push(node as Element);
        walk((node as Element).children);
      }
    }
  };
  walk(parseDocument(ours, { xmlMode: true }).children);
  const local = (el: Element): string => el.name.replace(/^.*:/, "");
  const named = (name: string): Element[] => elements.filter((el) => local(el) === name);
  const text = (el: Element | undefined): string =>
    (el?.children ?? [])
      .map((c) => (c.type === "text" ? c.data : ""))
      .join("")
      .trim();
  const resource = (id: string | undefined): string | undefined =>
    elements.find((el) => el.attribs.id === id && el.attribs.DefaultValue !== undefined)?.attribs
      .DefaultValue;

  it("is an Excel task-pane add-in needing ExcelApi 1.7", () => {
    expect(elements[0]?.attribs["xsi:type"]).toBe("TaskPaneApp");
    expect(named("Host").map((h) => h.attribs.Name ?? h.attribs["xsi:type"])).toEqual([
      "Workbook",
      "Workbook",
    ]);
    expect(named("Set").map((s) => s.attribs)).toEqual([{ Name: "ExcelApi", MinVersion: "1.7" }]);
    expect(named("DisplayName")[0]?.attribs.DefaultValue).toBe("Scrutiny Sheets");
    expect(text(named("ProviderName")[0])).toBe("Scrutiny Sheets");
  });

  it("puts two buttons in a group on the Home tab", () => {
    const tab = named("OfficeTab");
    expect(tab.map((t) => t.attribs.id)).toEqual(["TabHome"]);
    const controls = named("Control");
    const labels = controls.map((c) =>
      resource(
        c.children.find((n): n is Element => n.type === "tag" && local(n as Element) === "Label")
          ?.attribs.resid
      )
    );
    expect(labels).toEqual(["Open Scrutiny Sheets", "Refresh comparisons"]);
  });

  it("opens the task pane page from the first button and runs refreshComparisons from the second", () => {
    const actions = named("Action");
    expect(actions.map((a) => a.attribs["xsi:type"])).toEqual(["ShowTaskpane", "ExecuteFunction"]);
    const paneUrl = resource(named("SourceLocation").find((s) => s.attribs.resid)?.attribs.resid);
    expect(paneUrl).toBe(named("SourceLocation")[0]?.attribs.DefaultValue);
    expect(paneUrl).toBe("https://localhost:3000/taskpane.html");
    expect(text(named("FunctionName")[0])).toBe("refreshComparisons");
    expect(resource(named("FunctionFile")[0]?.attribs.resid)).toBe(
      "https://localhost:3000/commands.html"
    );
  });
});
