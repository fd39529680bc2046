#!/usr/bin/env node
// Offline validation of the add-in's XML manifest (`npm run validate`).
//
// 1. XML Schema validation with xmllint against the manifest schemas vendored in
//    scripts/schemas/office-manifest/ (see its README for what they do and do not cover).
//    The schema enforces element names and element order.
// 2. Checks a schema cannot make: every URL is https and on one origin (the origin of
//    DefaultSettings/SourceLocation), icon files exist under assets/ with the declared pixel
//    size, every resid names a resource of the right kind, ids are real GUIDs and control ids
//    are unique, and ribbon function names are JavaScript identifiers.
//
// Microsoft's validation web service (`office-addin-manifest validate`) is deliberately not
// used: it is unreachable offline.
//
// Usage: node scripts/validate-manifest.js [manifest.xml] [--root DIR]
//   --root  folder whose assets/ the icon URLs are checked against (default: the manifest's folder)
// Exit codes: 0 valid, 1 invalid, 2 could not run (file or xmllint missing).
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { parseDocument } = require("htmlparser2");

const SCHEMA = path.join(__dirname, "schemas", "office-manifest", "OfficeAppManifestV1_1.xsd");

// Namespaces shortened in xmllint's messages so they read like the manifest.
const NAMESPACE_PREFIXES = {
  "http://schemas.microsoft.com/office/appforoffice/1.1": "",
  "http://schemas.microsoft.com/office/taskpaneappversionoverrides": "",
  "http://schemas.microsoft.com/office/officeappbasictypes/1.0": "bt:",
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Ids that are not ours: the nil GUID and the id in Microsoft's Excel task-pane template.
// Two add-ins with one id overwrite each other when sideloaded.
const FORBIDDEN_IDS = {
  "00000000-0000-0000-0000-000000000000": "the nil GUID",
  "05c2e1c9-3e1d-406e-9a91-e9ac64854143": "the id of Microsoft's task-pane add-in template",
};

// Elements whose DefaultValue (and whose <Override Value>) is a URL.
const URL_ELEMENTS = new Set([
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "SourceLocation",
  "Image",
  "Url",
]);
const ICON_ELEMENTS = { IconUrl: 32, HighResolutionIconUrl: 64 };

// Which Resources collection a resid on each element must point into.
const RESID_KINDS = {
  Image: "Images",
  SourceLocation: "Urls",
  LearnMoreUrl: "Urls",
  FunctionFile: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};

class ValidatorError extends Error {
  constructor(message) {
    super(message);
    this.name = "ValidatorError";
  }
}

const localName = (name) => name.slice(name.indexOf(":") + 1);

/** Runs xmllint; returns problems (line, message) and whether the XML was well-formed. */
function checkSchema(file) {
  const run = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, file], { encoding: "utf8" });
  if (run.error) {
    const hint =
      run.error.code === "ENOENT"
        ? "xmllint is not installed: install the libxml2-utils package (apt-get install libxml2-utils)"
        : `xmllint could not run: ${run.error.message}`;
    throw new ValidatorError(hint);
  }
  if (run.status === 5) throw new ValidatorError(`the schema set in ${SCHEMA} does not compile`);
  const problems = [];
  let wellFormed = true;
  for (const raw of run.stderr.split("\n")) {
    const m = /^(.*?):(\d+): (.*)$/.exec(raw);
    if (!m || m[1] !== file) continue;
    let message = m[3].replace(/^element [^:]+: /, "");
    const parserError = /parser error/.test(message);
    if (parserError) wellFormed = false;
    message = message
      .replace(/^Schemas validity error : /, "")
      .replace(/^parser error : /, "not well-formed XML: ")
      .replace(/\{([^}]+)\}/g, (all, ns) =>
        ns in NAMESPACE_PREFIXES ? NAMESPACE_PREFIXES[ns] : all
      );
    problems.push({ line: Number(m[2]), check: parserError ? "xml" : "schema", message });
  }
  if (run.status !== 0 && problems.length === 0) {
    problems.push({
      line: 0,
      check: "schema",
      message: run.stderr.trim() || `xmllint exited ${run.status}`,
    });
  }
  return { problems, wellFormed };
}

/** Width and height of a PNG file, or null when the file is not a PNG. */
function pngSize(file) {
  const head = Buffer.alloc(24);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, 24, 0);
  } finally {
    fs.closeSync(fd);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!head.subarray(0, 8).equals(signature) || head.toString("ascii", 12, 16) !== "IHDR")
    return null;
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

/** The checks an XML schema cannot make. */
function checkRules(text, root) {
  const problems = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const lineOf = (node) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= node.startIndex) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const report = (node, check, message) =>
    problems.push({ line: node ? lineOf(node) : 0, check, message });

  const elements = [];
  const walk = (node) => {
    for (const child of node.children || []) {
      if (child.type === "tag") {
        elements.push(child);
        walk(child);
      }
    }
  };
  walk(parseDocument(text, { xmlMode: true, withStartIndices: true }));
  const textOf = (el) =>
    (el.children || [])
      .filter((c) => c.type === "text")
      .map((c) => c.data)
      .join("")
      .trim();
  const parentName = (el) =>
    el.parent && el.parent.type === "tag" ? localName(el.parent.name) : "";

  // Ids are GUIDs (the add-in's own id, and an Azure AD app id if there is one).
  for (const el of elements) {
    if (
      localName(el.name) !== "Id" ||
      !["OfficeApp", "WebApplicationInfo"].includes(parentName(el))
    )
      continue;
    const id = textOf(el);
    if (!GUID.test(id)) {
      report(
        el,
        "guid",
        `<Id> must be a GUID written like 8f14e45f-ceea-467f-a0e6-3b3c1e7a1d2b, found "${id}"`
      );
    } else if (FORBIDDEN_IDS[id.toLowerCase()]) {
      report(
        el,
        "guid",
        `<Id> ${id} is ${FORBIDDEN_IDS[id.toLowerCase()]}; generate a new one (node -e "console.log(crypto.randomUUID())")`
      );
    }
  }

  // Collect every URL with the element it came from.
  const urls = [];
  for (const el of elements) {
    const name = localName(el.name);
    const owner = name === "Override" ? parentName(el) : name;
    const label = name === "Override" ? `${el.name} in ${el.parent.name}` : el.name;
    for (const [attr, value] of Object.entries(el.attribs)) {
      if (attr === "xmlns" || attr.startsWith("xmlns:") || localName(attr) === "schemaLocation")
        continue;
      const urlAttr =
        URL_ELEMENTS.has(owner) &&
        (attr === "DefaultValue" || (name === "Override" && attr === "Value"));
      if (urlAttr || /^[a-z][a-z0-9+.-]*:\/\//i.test(value))
        urls.push({ el, label, value, appDomain: false });
    }
    if (name === "AppDomain" || /^[a-z][a-z0-9+.-]*:\/\//i.test(textOf(el))) {
      urls.push({ el, label, value: textOf(el), appDomain: name === "AppDomain" });
    }
  }

  // Every URL https and on the origin the task pane is served from.
  const home = elements.find(
    (el) => localName(el.name) === "SourceLocation" && parentName(el) === "DefaultSettings"
  );
  let homeOrigin = null;
  try {
    homeOrigin = home ? new URL(home.attribs.DefaultValue).origin : null;
  } catch {
    homeOrigin = null;
  }
  for (const u of urls) {
    let parsed;
    try {
      parsed = new URL(u.value);
    } catch {
      report(
        u.el,
        "url",
        `<${u.label}> "${u.value}" is not an absolute URL (Office needs full https URLs)`
      );
      continue;
    }
    u.parsed = parsed;
    if (parsed.protocol !== "https:") {
      report(
        u.el,
        "https",
        `<${u.label}> "${u.value}" must use https: Office loads add-in pages and icons only over https`
      );
    } else if (!u.appDomain && homeOrigin && parsed.origin !== homeOrigin) {
      report(
        u.el,
        "origin",
        `<${u.label}> "${u.value}" is on ${parsed.origin}, but the add-in is served from ${homeOrigin} ` +
          "(DefaultSettings/SourceLocation): every URL must be on that one origin"
      );
    }
  }

  // Resources: ids unique per collection; every resid points at a resource of the right kind.
  const resources = {
    Images: new Map(),
    Urls: new Map(),
    ShortStrings: new Map(),
    LongStrings: new Map(),
  };
  for (const el of elements) {
    const collection = resources[parentName(el)];
    const grand =
      el.parent && el.parent.parent && el.parent.parent.type === "tag"
        ? localName(el.parent.parent.name)
        : "";
    if (!collection || grand !== "Resources" || el.attribs.id === undefined) continue;
    if (collection.has(el.attribs.id)) {
      report(
        el,
        "resid",
        `resource id "${el.attribs.id}" is defined twice in Resources/${parentName(el)}`
      );
    }
    collection.set(el.attribs.id, el);
  }
  for (const el of elements) {
    const resid = el.attribs.resid;
    if (resid === undefined) continue;
    const kind = RESID_KINDS[localName(el.name)];
    const kinds = kind ? [kind] : Object.keys(resources);
    if (!kinds.some((k) => resources[k].has(resid))) {
      report(
        el,
        "resid",
        `<${localName(el.name)} resid="${resid}"> names no resource in Resources/${kinds.join(" or ")}`
      );
    }
  }

  // Icons: the file behind each icon URL exists under assets/ and has the declared size.
  const checkIcon = (el, owner, value, expected) => {
    const u = urls.find((x) => x.el === el && x.value === value);
    if (!u || !u.parsed || (homeOrigin && u.parsed.origin !== homeOrigin)) return; // reported above
    const rel = decodeURIComponent(u.parsed.pathname).replace(/^\/+/, "");
    if (!rel.startsWith("assets/")) {
      report(
        el,
        "icon",
        `<${owner}> "${value}" is not under /assets/: icons are served from the assets/ folder`
      );
      return;
    }
    const file = path.join(root, ...rel.split("/"));
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      report(
        el,
        "icon",
        `<${owner}> "${value}": the file ${rel} does not exist in ${path.resolve(root)}`
      );
      return;
    }
    if (!/\.png$/i.test(rel)) return;
    const size = pngSize(file);
    if (!size) {
      report(el, "icon", `<${owner}> "${value}": ${rel} is not a PNG file`);
    } else if (expected && (size.width !== expected || size.height !== expected)) {
      report(
        el,
        "icon",
        `<${owner}> "${value}": ${rel} is ${size.width}x${size.height} pixels, expected ${expected}x${expected}`
      );
    }
  };
  for (const el of elements) {
    const name = localName(el.name);
    if (ICON_ELEMENTS[name] && el.attribs.DefaultValue !== undefined) {
      checkIcon(el, el.name, el.attribs.DefaultValue, ICON_ELEMENTS[name]);
    }
  }
  const iconSizes = new Map(); // resource id -> sizes it is used at
  for (const el of elements) {
    if (
      localName(el.name) === "Image" &&
      el.attribs.resid !== undefined &&
      el.attribs.size !== undefined
    ) {
      const sizes = iconSizes.get(el.attribs.resid) || new Set();
      sizes.add(Number(el.attribs.size));
      iconSizes.set(el.attribs.resid, sizes);
    }
  }
  for (const [id, el] of resources.Images) {
    const sizes = [...(iconSizes.get(id) || [])];
    if (sizes.length > 1)
      report(
        el,
        "icon",
        `image "${id}" is used at several sizes (${sizes.join(", ")}): give each size its own file`
      );
    checkIcon(el, el.name, el.attribs.DefaultValue, sizes.length === 1 ? sizes[0] : undefined);
  }

  // Ribbon ids unique (Office merges them across add-ins); built-in tab ids are excluded.
  const seen = new Map();
  for (const el of elements) {
    const name = localName(el.name);
    if (!["Group", "Control", "Item", "CustomTab"].includes(name) || el.attribs.id === undefined)
      continue;
    if (seen.has(el.attribs.id)) {
      report(
        el,
        "id",
        `id "${el.attribs.id}" on <${name}> is already used on line ${lineOf(seen.get(el.attribs.id))}`
      );
    } else {
      seen.set(el.attribs.id, el);
    }
  }

  // Function commands: the name is what commands.ts registers with Office.actions.associate.
  for (const el of elements) {
    if (localName(el.name) !== "FunctionName") continue;
    const fn = textOf(el);
    if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(fn)) {
      report(el, "function", `<FunctionName> "${fn}" must be a JavaScript identifier`);
    }
  }

  return problems;
}

/**
 * Validates a manifest file. `root` is the folder whose assets/ holds the icons.
 * Returns { valid, problems: [{ line, check, message }] } sorted by line; throws
 * ValidatorError when validation cannot run at all.
 */
function validateManifest(file, { root = path.dirname(file) } = {}) {
  if (!fs.existsSync(file)) throw new ValidatorError(`${file} does not exist`);
  const schema = checkSchema(file);
  const problems = [...schema.problems];
  if (schema.wellFormed) problems.push(...checkRules(fs.readFileSync(file, "utf8"), root));
  problems.sort((a, b) => a.line - b.line);
  return { valid: problems.length === 0, problems };
}

function main(argv) {
  let file = "manifest.xml";
  let root;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--root") root = argv[++i];
    else if (argv[i] === "--help" || argv[i] === "-h") {
      process.stdout.write(
        "Usage: node scripts/validate-manifest.js [manifest.xml] [--root DIR]\n"
      );
      return 0;
    } else file = argv[i];
  }
  let result;
  try {
    result = validateManifest(file, root ? { root } : {});
  } catch (err) {
    if (!(err instanceof ValidatorError)) throw err;
    process.stderr.write(`validate-manifest: ${err.message}\n`);
    return 2;
  }
  if (result.valid) {
    process.stdout.write(
      `${file} is valid: Office manifest schema (xmllint), https URLs on one origin, icons, resources, ids.\n`
    );
    return 0;
  }
  const n = result.problems.length;
  process.stderr.write(
    `${file} is not a valid add-in manifest (${n} problem${n === 1 ? "" : "s"}):\n`
  );
  for (const p of result.problems)
    process.stderr.write(`  ${file}:${p.line}: [${p.check}] ${p.message}\n`);
  return 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { validateManifest, ValidatorError };
