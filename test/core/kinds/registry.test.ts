// The registry of table kinds: each name has its own schema, and pasted text is offered to
// the kinds' readers in a fixed order (an "Offences & SDs" header before the calls table's,
// whose looser headings it would otherwise pass for).
import { KIND_READERS, TABLE_KINDS, kindSchema } from "../../../src/core/kinds";
import { readPaste } from "../../../src/core/read";

describe("table kinds", () => {
  it.each(TABLE_KINDS)("%s has a schema of its own name", (kind) => {
    expect(kindSchema(kind).kind).toBe(kind);
  });

  it("reads pasted text with the offences reader first, then the calls reader", () => {
    expect(KIND_READERS).toEqual([
      kindSchema("offences-sds").reader,
      kindSchema("calls-asb").reader,
    ]);
  });

  it("derives every figure from two of its own fields", () => {
    for (const kind of TABLE_KINDS) {
      const schema = kindSchema(kind);
      for (const d of schema.derived) {
        expect(schema.fields).toEqual(expect.arrayContaining([d.field, ...d.inputs]));
      }
    }
  });

  it("recognises each kind's header as that kind", () => {
    const offences = readPaste(
      "Crime Category\tSub Category\tOffences Previous R12\tOffences Current R12\tOffences % Change\n" +
        "Burglary\tTotal\t100\t110\t10.0%\n",
      { source: "paste" }
    );
    const calls = readPaste("\tPrevious R12\tCurrent R12\tChange %\nASB Calls\t100\t90\t-10.0%\n", {
      source: "paste",
    });
    expect(offences.ok && offences.tables.map((t) => t.kind)).toEqual(["offences-sds"]);
    expect(calls.ok && calls.tables.map((t) => t.kind)).toEqual(["calls-asb"]);
  });
});
