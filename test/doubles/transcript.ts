// Requests as Office.js serialised them, written as one readable statement per action
// (`workbook.worksheets.getItem("Checks").getRangeByIndexes(1,0,1,1).hyperlink = {...}`),
// so a change in what the add-in sends shows line by line in review. Ids Excel hands out
// (which differ between runs and between Excel and the double) print as "{id}"; arrays
// of more than 12 cells print as their shape, a hash of their content, and their first row.

import { createHash } from "crypto";
import type { WireAction, WireBody, WirePath, WireRequest } from "./officeJsClient";

const BIG_ARRAY_CELLS = 12;
const lower = (name: string): string =>
  name.startsWith("_") ? name : name.charAt(0).toLowerCase() + name.slice(1);

/** An argument as printed: ids normalised, big 2-D arrays summarised. */
function shown(v: unknown): string {
  if (typeof v === "string" && /^\{[^}]*\}$/.test(v)) return '"{id}"';
  if (Array.isArray(v) && Array.isArray(v[0])) {
    const cells = v.length * (v[0] as unknown[]).length;
    if (cells > BIG_ARRAY_CELLS) {
      const hash = createHash("sha256").update(JSON.stringify(v)).digest("hex").slice(0, 12);
      return `<${v.length}x${(v[0] as unknown[]).length} sha256:${hash} first row ${JSON.stringify(v[0]).slice(0, 120)}>`;
    }
  }
  return JSON.stringify(v);
}

function args(
  info: WirePath["ArgumentInfo"] | WireAction["ArgumentInfo"],
  path: (id: number) => string
): string {
  const refs = info?.ReferencedObjectPathIds ?? [];
  return (info?.Arguments ?? [])
    .map((a, i) => ((refs[i] ?? 0) !== 0 ? path(a as number) : shown(a)))
    .join(", ");
}

/** The readable form of each action of one request (Instantiate and keep-reference left out, but for calls made only for their effect). */
export function statements(body: WireBody, named: Map<string, string> = new Map()): string[] {
  const path = (id: number): string => {
    const p = body.ObjectPaths[String(id)];
    if (!p) return `<path ${id}>`;
    // An object Excel gave an id to prints as the path it was first reached by.
    const key = p.ArgumentInfo?.Arguments?.[0];
    if (p.ObjectPathType === 5 && typeof key === "string" && named.has(key))
      return named.get(key) as string;
    const parent = (): string => path(p.ParentObjectPathId ?? -1);
    switch (p.ObjectPathType) {
      case 1:
        return "workbook";
      case 4:
        return `${parent()}.${lower(p.Name)}`;
      case 3:
        return `${parent()}.${lower(p.Name)}(${args(p.ArgumentInfo, path)})`;
      case 5:
        return `${parent()}.getItem(${args(p.ArgumentInfo, path)})`;
      case 6:
        return "{ref}";
      default:
        return `<path type ${p.ObjectPathType}>`;
    }
  };
  const out: string[] = [];
  const standalone = standaloneCalls(body);
  for (const a of body.Actions) {
    const target = path(a.ObjectPathId);
    // A call whose result nothing uses (table.convertToRange()) is sent as its instantiation only.
    if (a.ActionType === 1 && standalone.delete(a.ObjectPathId)) out.push(target);
    if (a.ActionType === 2)
      out.push(`${target}.load(${JSON.stringify((a.QueryInfo?.Select ?? []).join(","))})`);
    else if (a.ActionType === 3 && a.Name !== "_KeepReference")
      out.push(`${target}.${lower(a.Name)}(${args(a.ArgumentInfo, path)})`);
    else if (a.ActionType === 4)
      out.push(`${target}.${lower(a.Name)} = ${args(a.ArgumentInfo, path)}`);
    else if (a.ActionType !== 1 && a.ActionType !== 3)
      out.push(`<action type ${a.ActionType} ${a.Name}>`);
  }
  return out;
}

/** Method paths only instantiated (and kept): calls made for their effect, whose result nothing uses. */
function standaloneCalls(body: WireBody): Set<number> {
  const used = new Set<number>();
  for (const p of Object.values(body.ObjectPaths)) {
    if (p.ParentObjectPathId !== undefined) used.add(p.ParentObjectPathId);
    for (const r of p.ArgumentInfo?.ReferencedObjectPathIds ?? []) if (r) used.add(r);
  }
  for (const a of body.Actions) {
    if (a.ActionType !== 1 && a.Name !== "_KeepReference") used.add(a.ObjectPathId);
    for (const r of a.ArgumentInfo?.ReferencedObjectPathIds ?? []) if (r) used.add(r);
  }
  const out = new Set<number>();
  for (const a of body.Actions) {
    const p = body.ObjectPaths[String(a.ObjectPathId)];
    if (a.ActionType === 1 && p?.ObjectPathType === 3 && !used.has(a.ObjectPathId))
      out.add(a.ObjectPathId);
  }
  return out;
}

/** Remembers, for each id answered in a request, the path of the object it names. */
function learnIds(r: WireRequest, named: Map<string, string>, paths: (id: number) => string): void {
  for (const res of r.results) {
    const id = (res.Value as { Id?: unknown } | null)?.Id;
    const action = r.body.Actions.find((a) => a.Id === res.ActionId);
    if (typeof id === "string" && action?.ActionType === 1 && !named.has(id))
      named.set(id, paths(action.ObjectPathId));
  }
}

/** A transcript: each request's size and statements. */
export function renderTranscript(requests: readonly WireRequest[]): string {
  const named = new Map<string, string>();
  return requests
    .map((r, i) => {
      const text = `// request ${i + 1}: ${r.body.Actions.length} actions, ${r.bytes} bytes\n${statements(r.body, named).join("\n")}\n`;
      learnIds(r, named, (id) => pathOf(r.body, id, named));
      return text;
    })
    .join("\n");
}

/** The printed path of one object path of a request. */
function pathOf(body: WireBody, id: number, named: Map<string, string>): string {
  const probe: WireBody = {
    ObjectPaths: body.ObjectPaths,
    Actions: [{ Id: 0, ActionType: 2, Name: "", ObjectPathId: id, QueryInfo: { Select: [] } }],
  };
  return (statements(probe, named)[0] ?? "").replace(/\.load\(""\)$/, "");
}
