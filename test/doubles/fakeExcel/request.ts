// The request context: calls on proxies are queued here and sent as one request on
// sync(), as Office.js does. A request is measured (JSON size of its operations) before
// it runs; over the limit it fails whole with RequestPayloadSizeLimitExceeded. A request
// that fails half-way keeps what ran before the failing operation: Excel has no rollback.

import { FakeOfficeError } from "./errors";
import type { WorkbookState } from "./state";

export interface QueuedOp {
  /** Path of the target object, e.g. worksheets.getItem("Data").getRange("A1"). */
  path: string;
  name: string;
  /** Arguments as sent over the wire (proxies replaced by their paths). */
  args: unknown[];
  write: boolean;
  /** Runs the operation against the workbook with the wire copy of the arguments. */
  exec(args: unknown[]): unknown;
  /** Receives the (JSON-copied) result after the whole request succeeded. */
  deliver?(result: unknown): void;
}

export interface RequestRecord {
  sync: number;
  operations: number;
  writes: number;
  bytes: number;
  responseBytes: number;
  suspendedCalculation: boolean;
  error: string | null;
}

export interface SyncFailure {
  /** Number of operations of the failing request that run before it fails. @default 0 */
  afterOperations?: number;
  /** @default "GeneralException" */
  code?: string;
  message?: string;
}

export interface HostLike {
  readonly state: WorkbookState;
  payloadLimit: number;
  responseLimit: number;
  nextSync(): number;
  record(r: RequestRecord): void;
  takeFailure(sync: number): SyncFailure | undefined;
  takeCellEdit(): boolean;
  /** The wait for Excel's answer to a request. */
  roundTrip(): Promise<void>;
  /** The ExcelApi version this Excel supports, and those the code asked isSetSupported about. */
  readonly excelApi: string;
  readonly askedExcelApi: Set<string>;
  /** Cells above which Excel answers a read of values, formulas or text with null. */
  readonly readCellLimit: number;
}

/** "1.18" > "1.7": requirement set versions compared part by part. */
export function versionAbove(a: string, b: string): boolean {
  const [a1 = 0, a2 = 0] = a.split(".").map(Number);
  const [b1 = 0, b2 = 0] = b.split(".").map(Number);
  return a1 !== b1 ? a1 > b1 : a2 > b2;
}

/** The manifest's minimum: members above it need an isSetSupported guard. */
export const MANIFEST_EXCEL_API = "1.7";

/**
 * A member of ExcelApi `version` is used: refused when this Excel lacks it, and when it is
 * above the manifest's minimum and the code never asked isSetSupported for it (strict rule:
 * it would fail on an Excel the manifest admits).
 */
export function requireApi(host: HostLike, version: string, member: string): void {
  if (versionAbove(version, host.excelApi))
    throw new FakeOfficeError(
      "ApiNotFound",
      `${member} needs ExcelApi ${version}; this Excel has ${host.excelApi}.`
    );
  if (!versionAbove(version, MANIFEST_EXCEL_API)) return;
  const guarded = [...host.askedExcelApi].some((v) => !versionAbove(version, v));
  if (!guarded)
    throw new FakeOfficeError(
      "ApiNotFound",
      `${member} (ExcelApi ${version}, above the manifest's ${MANIFEST_EXCEL_API}) used without an isSetSupported("ExcelApi", "${version}") guard.`
    );
}

const encoder = new TextEncoder();

/** Bytes of `s` as UTF-8: measured by the platform's encoder, apart from the writer's own estimate. */
export function utf8Length(s: string): number {
  return encoder.encode(s).length;
}

export class RequestQueue {
  private ops: QueuedOp[] = [];
  closed = false;

  constructor(
    readonly host: HostLike,
    readonly delayForCellEdit: boolean
  ) {}

  get state(): WorkbookState {
    return this.host.state;
  }

  get pending(): number {
    return this.ops.length;
  }

  enqueue(op: QueuedOp): void {
    if (this.closed) {
      throw new FakeOfficeError(
        "InvalidRequestContext",
        "This request context is no longer valid: Excel.run has finished."
      );
    }
    this.ops.push(op);
  }

  async sync(): Promise<void> {
    if (this.closed) {
      throw new FakeOfficeError(
        "InvalidRequestContext",
        "This request context is no longer valid: Excel.run has finished."
      );
    }
    const ops = this.ops;
    this.ops = [];
    const sync = this.host.nextSync();
    const wire = JSON.stringify(ops.map((o) => [o.path, o.name, o.args]));
    const record: RequestRecord = {
      sync,
      operations: ops.length,
      writes: ops.filter((o) => o.write).length,
      bytes: utf8Length(wire),
      responseBytes: 0,
      suspendedCalculation: ops.some((o) => o.name === "suspendApiCalculationUntilNextSync"),
      error: null,
    };
    this.host.record(record);
    await this.host.roundTrip(); // a request is always asynchronous
    const fail = (e: FakeOfficeError): never => {
      record.error = e.code;
      throw e;
    };
    if (record.bytes > this.host.payloadLimit) {
      fail(
        new FakeOfficeError(
          "RequestPayloadSizeLimitExceeded",
          `The request payload size (${record.bytes} bytes) has exceeded the limit (${this.host.payloadLimit} bytes).`
        )
      );
    }
    if (this.host.takeCellEdit() && !this.delayForCellEdit) {
      fail(
        new FakeOfficeError(
          "InvalidOperationInCellEditMode",
          "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again."
        )
      );
    }
    const parsed = JSON.parse(wire) as [string, string, unknown[]][];
    const failure = this.host.takeFailure(sync);
    const results: unknown[] = [];
    this.state.currentRequest = sync;
    try {
      for (let i = 0; i < ops.length; i++) {
        if (failure && i === (failure.afterOperations ?? 0)) fail(injected(failure));
        const op = ops[i] as QueuedOp;
        try {
          results.push(op.exec((parsed[i] as [string, string, unknown[]])[2]));
        } catch (e) {
          if (e instanceof FakeOfficeError) {
            fail(new FakeOfficeError(e.code, e.message, `${op.path}.${op.name}`));
          }
          throw e;
        }
      }
    } finally {
      this.state.currentRequest = 0;
    }
    if (failure) fail(injected(failure));
    const response = JSON.stringify(results);
    record.responseBytes = utf8Length(response);
    if (record.responseBytes > this.host.responseLimit) {
      fail(
        new FakeOfficeError(
          "ResponsePayloadSizeLimitExceeded",
          `The response payload size (${record.responseBytes} bytes) has exceeded the limit.`
        )
      );
    }
    const copies = JSON.parse(response) as unknown[];
    ops.forEach((op, i) => op.deliver?.(copies[i]));
  }
}

function injected(f: SyncFailure): FakeOfficeError {
  return new FakeOfficeError(
    f.code ?? "GeneralException",
    f.message ?? "An internal error has occurred (injected by the test)."
  );
}
