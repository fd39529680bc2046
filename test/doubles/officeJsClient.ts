// Microsoft's own Office.js client (npm @microsoft/office-js, the Excel web build) in the
// test loop, with the Excel double behind it. The client builds and serialises every
// request exactly as Excel on the web receives it; its request executor is answered here
// by interpreting the request body (Actions and ObjectPaths) against the double, so a test
// that checks the workbook's contents also checks what crossed the wire.
//
// What is interpreted: object paths (global workbook, properties, methods, indexers, the
// ids answered for instantiated objects), and the actions Instantiate, Query, Method and
// SetProperty. Anything else in a request (another action type) is refused loudly, so a
// change in what the writer sends cannot pass unnoticed.
//
// Node-only test support (fs, jsdom); the double itself stays plain TypeScript.

import { readFileSync } from "fs";
import { JSDOM } from "jsdom";
import { FakeExcel, FakeOfficeError, type RunOptions } from "./fakeExcel";

/** Excel on the web refuses a request larger than this (JSON of the body). */
export const WIRE_REQUEST_LIMIT = 5_000_000;

/** One object path as Office.js sends it. */
export interface WirePath {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}

/** One action as Office.js sends it. */
export interface WireAction {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

export interface WireBody {
  Actions: WireAction[];
  ObjectPaths: Record<string, WirePath>;
  AutoKeepReference?: boolean;
}

/** A request recorded in Excel: its body and, to map the ids Excel gave, its Results. */
export interface RecordedRequest {
  body: WireBody;
  results?: { ActionId: number; Value: unknown }[];
}

/** A request as sent: its body and its size as Excel on the web measures it. */
export interface WireRequest {
  body: WireBody;
  /** UTF-8 bytes of JSON.stringify(body). */
  bytes: number;
  /** The error code Excel answered with, or null. */
  error: string | null;
  /** What was answered for each action (Excel's Results). */
  results: { ActionId: number; Value: unknown }[];
}

const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;
const PATH = { global: 1, property: 4, method: 3, indexer: 5, reference: 6 } as const;

interface OfficeWindow {
  Excel: { RequestContext: new () => Excel.RequestContext; run: typeof Excel.run };
  OfficeExtension: { config: { extendedErrorLogging: boolean } };
}

let client: OfficeWindow | null = null;

/** The Excel web build of Office.js, loaded once per test file into a jsdom window. */
export function officeJsWindow(): OfficeWindow {
  if (client) return client;
  const source = readFileSync(
    require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js"),
    "utf8"
  );
  const dom = new JSDOM("<!doctype html><html><body></body></html>", {
    runScripts: "outside-only",
    url: "https://localhost:3000/",
  });
  dom.window.eval(source);
  client = dom.window as unknown as OfficeWindow;
  return client;
}

type Proxy = Record<string, unknown>;
/** The JavaScript name of a wire name ("GetRangeByIndexes"); the client's own methods keep theirs. */
const lower = (name: string): string =>
  name.startsWith("_") ? name : name.charAt(0).toLowerCase() + name.slice(1);
const upper = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** Runs batches through the real client; every request it sends is kept in `requests`. */
export class OfficeJsClient {
  readonly requests: WireRequest[] = [];

  constructor(
    readonly excel: FakeExcel,
    readonly limitBytes = WIRE_REQUEST_LIMIT
  ) {}

  /** As Excel.run: the batch gets a real Excel.RequestContext; what is left queued is sent at the end. */
  async run<T>(
    batch: (context: Excel.RequestContext) => Promise<T>,
    options: RunOptions = {}
  ): Promise<T> {
    const office = officeJsWindow();
    const context = new office.Excel.RequestContext();
    const session = new WireSession(this, this.excel.createContext(options));
    (context as unknown as { _requestExecutor: unknown })._requestExecutor = {
      executeAsync: (_custom: unknown, _flags: unknown, msg: { Body: WireBody }) =>
        Promise.resolve(session.answer(msg.Body)),
    };
    try {
      return await office.Excel.run(context, batch);
    } finally {
      session.close();
    }
  }

  /**
   * Sends request bodies recorded elsewhere (in real Excel, see the README's "Office.js
   * requests and transcripts") to the double, in order, as one Excel.run; resolves with
   * each answer, as Excel's response.
   */
  async replay(recorded: readonly RecordedRequest[]): Promise<unknown[]> {
    const session = new WireSession(this, this.excel.createContext());
    const answers: unknown[] = [];
    try {
      for (const r of recorded) {
        const answer = await session.answer(r.body);
        answers.push(answer);
        if (r.results) session.alias(r.results, answer);
      }
    } finally {
      session.close();
    }
    return answers;
  }

  /** A runner with the shape the writer takes (writeWorkbook's BatchRunner). */
  get runner(): <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> {
    return (batch) => this.run(batch);
  }

  /** Requests that wrote something (a SetProperty or a Method other than the client's own). */
  get writeRequests(): WireRequest[] {
    return this.requests.filter((r) =>
      r.body.Actions.some(
        (a) =>
          a.ActionType === ACTION.setProperty ||
          (a.ActionType === ACTION.method && !a.Name.startsWith("_"))
      )
    );
  }

  get maxRequestBytes(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.bytes), 0);
  }
}

/** One Excel.run: the double's context, and the objects Excel gave ids to. */
class WireSession {
  private ids = new Map<string, Proxy>();
  private nextId = 1;

  constructor(
    private readonly client: OfficeJsClient,
    private readonly fake: ReturnType<FakeExcel["createContext"]>
  ) {}

  close(): void {
    this.fake._queue.closed = true;
  }

  async answer(body: WireBody): Promise<unknown> {
    const text = JSON.stringify(body);
    const bytes = Buffer.byteLength(text, "utf8");
    // A copy: the client goes on updating its object paths (ids Excel answered) in place.
    const record: WireRequest = {
      body: JSON.parse(text) as WireBody,
      bytes,
      error: null,
      results: [],
    };
    this.client.requests.push(record);
    if (bytes > this.client.limitBytes) {
      record.error = "RequestPayloadSizeLimitExceeded";
      return {
        ErrorCode: record.error,
        ErrorMessage: `The request payload size (${bytes} bytes) has exceeded the limit.`,
        Headers: {},
        Body: null,
      };
    }
    const paths = new Map<number, Proxy | null>();
    const resolve = (id: number): Proxy => {
      if (!paths.has(id)) paths.set(id, this.resolvePath(body, id, resolve));
      const p = paths.get(id);
      if (!p) throw new FakeOfficeError("InvalidObjectPath", `Object path ${id} is a null object.`);
      return p;
    };
    const after: (() => unknown)[] = [];
    try {
      for (const action of body.Actions) after.push(this.queue(action, resolve));
      await this.fake.sync();
    } catch (e) {
      if (!(e instanceof FakeOfficeError)) throw e;
      record.error = e.code;
      return {
        ErrorCode: null,
        ErrorMessage: null,
        Headers: {},
        Body: {
          Error: { Code: e.code, Message: e.message, Location: e.debugInfo.errorLocation ?? "" },
        },
      };
    }
    const Results = body.Actions.map((a, i) => ({ ActionId: a.Id, Value: after[i]?.() ?? null }));
    record.results = Results;
    return { ErrorCode: null, ErrorMessage: null, Headers: {}, Body: { Results } };
  }

  /** The double's proxy for an object path. */
  private resolvePath(body: WireBody, id: number, resolve: (id: number) => Proxy): Proxy {
    const info = body.ObjectPaths[String(id)];
    if (!info) throw new Error(`The request names object path ${id} but does not define it.`);
    const args = argumentsOf(info.ArgumentInfo, resolve);
    if (info.ObjectPathType === PATH.global) return this.fake.workbook as unknown as Proxy;
    if (info.ObjectPathType === PATH.reference) return this.byId(info.Name);
    const parent = resolve(info.ParentObjectPathId ?? -1);
    switch (info.ObjectPathType) {
      case PATH.property:
        return member(parent, lower(info.Name)) as Proxy;
      case PATH.method:
        return call(parent, lower(info.Name), args) as Proxy;
      case PATH.indexer: {
        const key = args[0];
        if (typeof key === "string" && this.ids.has(key)) return this.byId(key);
        return call(parent, "getItem", args) as Proxy;
      }
      default:
        throw new Error(`Object path type ${info.ObjectPathType} is not interpreted (path ${id}).`);
    }
  }

  /** Ids the recorded Excel gave, as names of the objects this session gave its own ids. */
  alias(recorded: NonNullable<RecordedRequest["results"]>, answer: unknown): void {
    const ours = (answer as { Body?: { Results?: { ActionId: number; Value: unknown }[] } }).Body
      ?.Results;
    const idOf = (v: unknown): string | undefined => (v as { Id?: string } | null)?.Id;
    for (const r of recorded) {
      const mine = idOf(ours?.find((o) => o.ActionId === r.ActionId)?.Value);
      const theirs = idOf(r.Value);
      const proxy = mine === undefined ? undefined : this.ids.get(mine);
      if (theirs !== undefined && proxy) this.ids.set(theirs, proxy);
    }
  }

  private byId(id: string): Proxy {
    const p = this.ids.get(id);
    if (!p) throw new FakeOfficeError("InvalidObjectPath", `No object has id ${id}.`);
    return p;
  }

  /** Queues one action on the double; returns what reads its result once the request ran. */
  private queue(action: WireAction, resolve: (id: number) => Proxy): () => unknown {
    const target = (): Proxy => resolve(action.ObjectPathId);
    const args = argumentsOf(action.ArgumentInfo, resolve);
    switch (action.ActionType) {
      case ACTION.instantiate: {
        const proxy = target();
        return () => this.instantiated(proxy);
      }
      case ACTION.query: {
        const proxy = target();
        const select = action.QueryInfo?.Select ?? [];
        call(proxy, "load", [select.join(",")]);
        return () => queried(proxy, select);
      }
      case ACTION.method:
        // The client's own bookkeeping of references needs nothing of the workbook.
        if (action.Name === "_KeepReference") return () => null;
        call(target(), lower(action.Name), args);
        return () => null;
      case ACTION.setProperty:
        target()[lower(action.Name)] = args[0];
        return () => null;
      default:
        throw new Error(`Action type ${action.ActionType} (${action.Name}) is not interpreted.`);
    }
  }

  /** An instantiated object: null when it is a null object, else an id later requests use. */
  private instantiated(proxy: Proxy): unknown {
    if ((proxy as { _isNull?: boolean })._isNull === true) return null;
    for (const [id, p] of this.ids) if (p === proxy) return { Id: id };
    const id = `{${this.nextId++}}`;
    this.ids.set(id, proxy);
    return { Id: id };
  }
}

function argumentsOf(info: WirePath["ArgumentInfo"], resolve: (id: number) => Proxy): unknown[] {
  const args = info?.Arguments ?? [];
  const refs = info?.ReferencedObjectPathIds ?? [];
  return args.map((a, i) => ((refs[i] ?? 0) !== 0 ? resolve(a as number) : a));
}

function member(target: Proxy, name: string): unknown {
  if (!(name in target)) throw new Error(`The double has no member '${name}' to interpret.`);
  return target[name];
}

function call(target: Proxy, name: string, args: unknown[]): unknown {
  const f = member(target, name);
  if (typeof f !== "function") throw new Error(`The double's '${name}' is not a method.`);
  return (f as (...a: unknown[]) => unknown).apply(target, args);
}

/** A query's answer in the wire's form: properties in PascalCase, a collection's items as _Items. */
function queried(proxy: Proxy, select: string[]): unknown {
  if ((proxy as { _isNull?: boolean })._isNull === true) return null;
  const pick = (p: Proxy): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const path of select) {
      const parts = path.split("/");
      let value: unknown = p;
      for (const part of parts) value = (value as Proxy)[part];
      let into = out;
      parts.slice(0, -1).forEach((part) => {
        into = (into[upper(part)] ??= {}) as Record<string, unknown>;
      });
      into[upper(parts[parts.length - 1] ?? "")] = value;
    }
    return out;
  };
  if ("items" in proxy && (proxy as { _isCollection?: boolean })._isCollection)
    return { _Items: (proxy.items as Proxy[]).map(pick) };
  return pick(proxy);
}
