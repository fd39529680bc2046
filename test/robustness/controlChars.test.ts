// Control characters in the input (a terminal escape sequence, say) reach the terminal
// escaped in check's readable report; --json stays valid JSON.
import { readFileSync } from "fs";
import path from "path";
import { main } from "../../src/cli/main";
import { memoryIo } from "../support/cliIo";
import { OFFENCES_DIR } from "../support/samples";

// Every C0 and C1 control but tab and line feed.
// eslint-disable-next-line no-control-regex -- control characters are what is tested
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

function evilPaste(): string {
  return readFileSync(path.join(OFFENCES_DIR, "merton-2017-08-01.txt"), "utf8")
    .replace("Offences & SDs", "Offences \x1b]0;pwned\x07& SDs")
    .replace("TNO - State", "TNO - \x1b[2J\x1b[31mState\x9b");
}

test("the readable report shows control characters escaped", async () => {
  const io = memoryIo();
  io.files.set("evil\x1b[1m.txt", evilPaste());
  const code = await main(["check", "evil\x1b[1m.txt"], io);
  expect(code).toBeLessThan(2);
  const out = io.out.join("");
  expect(out).not.toMatch(RAW_CONTROL);
  expect(out).toContain("\\x1b[31mState");
  expect(out).toContain("evil\\x1b[1m.txt");
});

test("--json keeps them, validly escaped", async () => {
  const io = memoryIo();
  io.files.set("evil.txt", evilPaste());
  await main(["check", "evil.txt", "--json"], io);
  const text = io.out.join("");
  // JSON escapes C0 controls; C1 controls are valid raw in JSON.
  // eslint-disable-next-line no-control-regex -- as above
  expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f]/);
  const doc = JSON.parse(text) as { tables: { rows: { subcategory: string | null }[] }[] };
  const subs = doc.tables[0]!.rows.map((r) => r.subcategory);
  expect(subs.some((s) => s?.includes("\x1b[31mState"))).toBe(true);
});
