#!/usr/bin/env node
// Requirement-set check (`npm run api-sets`, part of `npm test`).
//
// Lists every Office.js member (property read or written, method called, or property of an
// object literal typed by Office.js) the add-in's sources (tsconfig.json's files under src/, not
// the tests) use, with the requirement set read from the `[Api set: …]` tag of its
// declaration in @types/office-js (through the TypeScript compiler API), and fails on any
// member above the manifest's minimum (manifest.xml's <Requirements><Sets><Set …/>) that is
// not behind an isSetSupported guard.
//
// A use is guarded when it sits in the true branch of an `if`, a conditional expression or
// an `&&` chain (or after an `if (!…) return/throw` in the same block) whose condition calls
// `isSetSupported("ExcelApi", "1.N")` with N at least the member's version, or calls a
// project function that does so (src/office/host.ts's `supports("notes")` is followed into
// EXCEL_FEATURES), or reads a const set from such a call. A guard the script cannot see (an
// option flag decided elsewhere) goes in ALLOWED below, keyed by file and member, with the
// reason (they apply to this repository only); an entry that no longer matches a use fails
// the check.
//
// Usage: node scripts/check-api-sets.js [--project tsconfig.json] [--manifest manifest.xml]
//                                       [--json bench/results/officejs-api-sets.json]
//   Paths are relative to the current folder. Only the project's files under <its folder>/src
//   are checked.
// Exit codes: 0 every use is within the minimum or guarded, 1 unguarded uses (or a stale
// allow-list entry), 2 could not run.
"use strict";

const fs = require("fs");
const path = require("path");
const ts = require("typescript");

/** Uses guarded by something the script cannot follow. file is relative to the project folder. */
const NOTES_REASON =
  "note ops are planned only when planWrites is given `notes: true` and its `isSetSupported` " +
  "answers yes for ExcelApi 1.18 (EXCEL_API_OF in planWrites.ts); without both they are counted as skipped";
const PRINT_REASON =
  "print ops are planned only when planWrites' `isSetSupported` answers yes for ExcelApi 1.9 " +
  "(EXCEL_API_OF.pageLayout in planWrites.ts); without it page setup is skipped quietly";
const PAGE_LAYOUT_MEMBERS = [
  "Worksheet.pageLayout",
  "PageLayout.orientation",
  "PageLayout.zoom",
  "PageLayoutZoomOptions.horizontalFitToPages",
  "PageLayoutZoomOptions.verticalFitToPages",
  "PageLayout.setPrintTitleRows",
  "PageLayout.setPrintArea",
  "PageLayout.headersFooters",
  "HeaderFooterGroup.defaultForAllPages",
  "HeaderFooter.leftHeader",
  "HeaderFooter.centerHeader",
  "HeaderFooter.rightHeader",
  "HeaderFooter.leftFooter",
  "HeaderFooter.centerFooter",
  "HeaderFooter.rightFooter",
  "Worksheet.horizontalPageBreaks",
  "PageBreakCollection.add",
  "PageBreakCollection.removePageBreaks",
];
const ALLOWED = [
  { file: "src/writers/officejs/executeOp.ts", member: "Worksheet.notes", reason: NOTES_REASON },
  { file: "src/writers/officejs/executeOp.ts", member: "NoteCollection.add", reason: NOTES_REASON },
  ...PAGE_LAYOUT_MEMBERS.map((member) => ({
    file: "src/writers/officejs/executeOp.ts",
    member,
    reason: PRINT_REASON,
  })),
];

function parseArgs(argv) {
  const out = {
    project: "tsconfig.json",
    manifest: "manifest.xml",
    json: path.join("bench", "results", "officejs-api-sets.json"),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const key = a.replace(/^--/, "");
    if (!(key in out) || argv[i + 1] === undefined) throw new Error(`unknown or incomplete option ${a}`);
    out[key] = argv[++i];
  }
  return out;
}

/** The manifest's minimum sets: { ExcelApi: "1.7" }. */
function manifestMinimums(file) {
  const xml = fs.readFileSync(file, "utf8");
  const req = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(xml);
  const sets = {};
  if (!req) return sets;
  const defaultMin = /<Sets\b[^>]*DefaultMinVersion="([^"]+)"/.exec(req[1])?.[1] ?? "1.1";
  for (const m of req[1].matchAll(/<Set\b([^>]*)\/?>/g)) {
    const name = /\bName="([^"]+)"/.exec(m[1])?.[1];
    const min = /\bMinVersion="([^"]+)"/.exec(m[1])?.[1] ?? defaultMin;
    if (name) sets[name] = min;
  }
  return sets;
}

function compareVersions(a, b) {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const isOfficeDts = (sf) => /[\\/]@types[\\/]office-js[\\/]/.test(sf.fileName);

/** `[Api set: ExcelApi 1.7]` of a declaration (or of its containing class/interface). */
function apiSetOf(decl) {
  for (let node = decl, depth = 0; node && depth < 2; node = node.parent, depth++) {
    if (ts.isSourceFile(node) || ts.isModuleBlock(node)) break;
    const sf = node.getSourceFile();
    const ranges = ts.getLeadingCommentRanges(sf.text, node.pos) ?? [];
    for (const r of ranges) {
      const m = /\[Api set: ([A-Za-z][\w.]*) (\d+(?:\.\d+)*)/.exec(sf.text.slice(r.pos, r.end));
      if (m) return { set: m[1], version: m[2] };
    }
    if (!(ts.isPropertyDeclaration(node) || ts.isMethodDeclaration(node) ||
          ts.isPropertySignature(node) || ts.isMethodSignature(node) ||
          ts.isGetAccessor(node) || ts.isSetAccessor(node))) break;
  }
  return null;
}

function memberName(decl) {
  const own = decl.name && ts.isIdentifier(decl.name) ? decl.name.text : "?";
  let parent = decl.parent;
  if (ts.isModuleBlock(parent)) parent = parent.parent;
  const owner = parent && parent.name && ts.isIdentifier(parent.name) ? parent.name.text : "?";
  return `${owner}.${own}`;
}

function main(argv) {
  const args = parseArgs(argv);
  const minimums = manifestMinimums(args.manifest);
  const configPath = path.resolve(args.project);
  const configDir = path.dirname(configPath);
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, configDir);
  const srcDir = path.join(configDir, "src") + path.sep;
  const rootNames = parsed.fileNames.filter((f) => path.resolve(f).startsWith(srcDir));
  const program = ts.createProgram({ rootNames, options: { ...parsed.options, noEmit: true } });
  const checker = program.getTypeChecker();

  // --- guard evaluation: the version of guardSet a condition being true implies (or null) ---
  let guardSet = "ExcelApi";
  const maxV = (a, b) => (a === null ? b : b === null ? a : compareVersions(a, b) >= 0 ? a : b);
  const minV = (a, b) => (a === null || b === null ? null : compareVersions(a, b) <= 0 ? a : b);

  function resolveDecl(expr) {
    let sym = checker.getSymbolAtLocation(expr);
    if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
    return sym?.valueDeclaration ?? sym?.declarations?.[0];
  }

  /** A string an expression stands for: literals, consts, OBJ[param] with a bound param. */
  function stringValue(expr, bindings, depth = 0) {
    if (!expr || depth > 5) return null;
    if (ts.isStringLiteralLike(expr)) return expr.text;
    if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr)) return stringValue(expr.expression, bindings, depth + 1);
    if (ts.isIdentifier(expr)) {
      if (bindings && bindings.has(expr.text)) return bindings.get(expr.text);
      const d = resolveDecl(expr);
      if (d && ts.isVariableDeclaration(d) && d.initializer) return stringValue(d.initializer, null, depth + 1);
      return null;
    }
    if (ts.isElementAccessExpression(expr) || ts.isPropertyAccessExpression(expr)) {
      const key = ts.isElementAccessExpression(expr)
        ? stringValue(expr.argumentExpression, bindings, depth + 1)
        : expr.name.text;
      let obj = expr.expression;
      if (!ts.isIdentifier(obj) || key === null) return null;
      const d = resolveDecl(obj);
      let init = d && ts.isVariableDeclaration(d) ? d.initializer : null;
      while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression?.(init) || ts.isParenthesizedExpression(init))) init = init.expression;
      if (!init || !ts.isObjectLiteralExpression(init)) return null;
      for (const p of init.properties) {
        if (ts.isPropertyAssignment(p) && p.name && (p.name.text ?? p.name.getText()) === key) return stringValue(p.initializer, null, depth + 1);
      }
    }
    return null;
  }

  /** Version implied by a function's body (its isSetSupported calls), args bound to params. */
  function functionImplies(decl, callArgs, depth) {
    if (!decl || depth > 4 || !decl.body || decl.getSourceFile().isDeclarationFile) return null;
    const bindings = new Map();
    decl.parameters.forEach((p, i) => {
      if (ts.isIdentifier(p.name)) {
        const v = stringValue(callArgs[i], null);
        if (v !== null) bindings.set(p.name.text, v);
      }
    });
    let found = null;
    const visit = (n) => {
      if (ts.isCallExpression(n)) found = maxV(found, isSetSupportedCall(n, bindings));
      ts.forEachChild(n, visit);
    };
    visit(decl.body);
    return found;
  }

  function isSetSupportedCall(call, bindings) {
    const callee = call.expression;
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : "";
    if (name !== "isSetSupported") return null;
    if (stringValue(call.arguments[0], bindings) !== guardSet) return null;
    return stringValue(call.arguments[1], bindings);
  }

  function implies(expr, depth = 0) {
    if (!expr || depth > 8) return null;
    if (ts.isParenthesizedExpression(expr)) return implies(expr.expression, depth + 1);
    if (ts.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) return maxV(implies(expr.left, depth + 1), implies(expr.right, depth + 1));
      if (op === ts.SyntaxKind.BarBarToken) return minV(implies(expr.left, depth + 1), implies(expr.right, depth + 1));
      return null;
    }
    if (ts.isPrefixUnaryExpression(expr)) return null;
    if (ts.isCallExpression(expr)) {
      const direct = isSetSupportedCall(expr, null);
      if (direct !== null) return direct;
      const d = resolveDecl(ts.isPropertyAccessExpression(expr.expression) ? expr.expression.name : expr.expression);
      if (d && (ts.isFunctionDeclaration(d) || ts.isMethodDeclaration(d))) return functionImplies(d, expr.arguments, depth + 1);
      if (d && ts.isVariableDeclaration(d) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer)))
        return functionImplies(d.initializer, expr.arguments, depth + 1);
      return null;
    }
    if (ts.isIdentifier(expr)) {
      const d = resolveDecl(expr);
      if (d && ts.isVariableDeclaration(d) && d.initializer && ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const)
        return implies(d.initializer, depth + 1);
    }
    return null;
  }

  /** Version implied by a condition being false. */
  function impliesWhenFalse(expr, depth = 0) {
    if (!expr || depth > 8) return null;
    if (ts.isParenthesizedExpression(expr)) return impliesWhenFalse(expr.expression, depth + 1);
    if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken) return implies(expr.operand, depth + 1);
    if (ts.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind;
      if (op === ts.SyntaxKind.BarBarToken) return maxV(impliesWhenFalse(expr.left, depth + 1), impliesWhenFalse(expr.right, depth + 1));
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) return minV(impliesWhenFalse(expr.left, depth + 1), impliesWhenFalse(expr.right, depth + 1));
    }
    return null;
  }

  const exits = (stmt) => {
    if (ts.isReturnStatement(stmt) || ts.isThrowStatement(stmt)) return true;
    if (ts.isBlock(stmt)) {
      const last = stmt.statements[stmt.statements.length - 1];
      return Boolean(last && exits(last));
    }
    return false;
  };

  /** The highest version of `set` the guards around a node establish (or null). */
  function guardVersion(node, set) {
    guardSet = set;
    let best = null;
    for (let child = node, p = node.parent; p; child = p, p = p.parent) {
      if (ts.isIfStatement(p)) {
        if (child === p.thenStatement) best = maxV(best, implies(p.expression));
        else if (child === p.elseStatement) best = maxV(best, impliesWhenFalse(p.expression));
      } else if (ts.isConditionalExpression(p)) {
        if (child === p.whenTrue) best = maxV(best, implies(p.condition));
        else if (child === p.whenFalse) best = maxV(best, impliesWhenFalse(p.condition));
      } else if (ts.isBinaryExpression(p) && child === p.right) {
        if (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) best = maxV(best, implies(p.left));
        else if (p.operatorToken.kind === ts.SyntaxKind.BarBarToken) best = maxV(best, impliesWhenFalse(p.left));
      } else if (ts.isBlock(p) || ts.isSourceFile(p) || ts.isModuleBlock(p)) {
        for (const s of p.statements) {
          if (s === child) break;
          if (ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement)) best = maxV(best, impliesWhenFalse(s.expression));
        }
      }
    }
    return best;
  }

  // --- walk the sources ---
  const uses = [];
  for (const sf of program.getSourceFiles()) {
    if (sf.isDeclarationFile || !rootNames.includes(sf.fileName)) continue;
    const rel = path.relative(configDir, sf.fileName).split(path.sep).join("/");
    const visit = (node) => {
      let sym = null;
      if (ts.isPropertyAccessExpression(node)) {
        sym = checker.getSymbolAtLocation(node.name);
        if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
      } else if (
        (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) &&
        ts.isIdentifier(node.name) &&
        ts.isObjectLiteralExpression(node.parent)
      ) {
        // { hyperlink: … } passed to an Office.js method or typed as an Office.js shape
        const type = checker.getContextualType(node.parent);
        sym = type ? checker.getPropertyOfType(checker.getNonNullableType(type), node.name.text) ?? null : null;
      }
      if (sym) {
        const decls = (sym?.declarations ?? []).filter((d) => isOfficeDts(d.getSourceFile()));
        for (const decl of decls.slice(0, 1)) {
          const tag = apiSetOf(decl);
          if (!tag) continue;
          const { line } = sf.getLineAndCharacterOfPosition(node.name.getStart(sf));
          uses.push({ member: memberName(decl), ...tag, file: rel, line: line + 1, node });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  // --- judge ---
  // Sets of the manifest's host: those it names and their variants (ExcelApiOnline, ...).
  // Others (Mailbox, WordApi, ...) tag what the add-in calls for other hosts' sake.
  const applies = (set) => Object.keys(minimums).some((m) => set.startsWith(m));
  // The allow-list is about this repository's sources; another project (a test's fixture)
  // is checked without it.
  const allowed = configDir === path.resolve(__dirname, "..") ? ALLOWED : [];
  const allowUsed = new Set();
  let failures = 0;
  const lines = [];
  for (const u of uses) {
    const min = minimums[u.set];
    let status;
    if (min !== undefined && compareVersions(u.version, min) <= 0) status = "within minimum";
    else if (!applies(u.set)) status = "another host's set (not checked)";
    else {
      const g = guardVersion(u.node, u.set);
      const allow = allowed.findIndex((a) => a.file === u.file && a.member === u.member);
      if (g !== null && compareVersions(g, u.version) >= 0) status = `guarded (isSetSupported ExcelApi ${g})`;
      else if (allow >= 0) {
        allowUsed.add(allow);
        status = "guarded (allow-list)";
      } else {
        status = "UNGUARDED";
        failures++;
      }
    }
    u.status = status;
    lines.push(`${u.member} — ${u.set} ${u.version} — ${u.file}:${u.line} — ${status}`);
  }
  allowed.forEach((a, i) => {
    if (!allowUsed.has(i)) {
      failures++;
      lines.push(`stale allow-list entry: ${a.member} in ${a.file} (no such unguarded use any more)`);
    }
  });

  const min = Object.entries(minimums).map(([k, v]) => `${k} ${v}`).join(", ") || "(none)";
  console.log(`Office.js members used by ${rootNames.length} source files (manifest minimum: ${min}):`);
  for (const l of lines) console.log(`  ${l}`);

  const summary = new Map();
  for (const u of uses) {
    const key = `${u.member}\u0000${u.set} ${u.version}`;
    const s = summary.get(key) ?? { member: u.member, set: `${u.set} ${u.version}`, count: 0, unguarded: 0 };
    s.count++;
    if (u.status === "UNGUARDED") s.unguarded++;
    summary.set(key, s);
  }
  const members = [...summary.values()].sort((a, b) => a.member.localeCompare(b.member));
  if (args.json) {
    fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
    fs.writeFileSync(
      path.resolve(args.json),
      JSON.stringify({ minimum: minimums, members, unguarded: failures }, null, 2) + "\n"
    );
  }
  console.log(
    failures
      ? `FAIL: ${failures} use(s) above the manifest minimum without an isSetSupported guard.`
      : `OK: ${members.length} members, every use above the minimum is guarded.`
  );
  return failures ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(`check-api-sets: ${e && e.message ? e.message : e}`);
  process.exitCode = 2;
}
