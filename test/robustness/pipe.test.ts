// `check … | head -1`: a reader that closes the pipe early ends the run quietly.
import { spawn, spawnSync } from "child_process";
import { CLI, ensureCliBuilt } from "../support/builtCli";
import { DATASTORE_2024 } from "../support/samples";

test("check into a pipe closed early: no EPIPE trace, the usual exit code", async () => {
  ensureCliBuilt();
  const child = spawn(process.execPath, [CLI, "check", DATASTORE_2024], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
  // Like `head -1`: take the first piece, then close the pipe.
  child.stdout.once("data", () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(stderr).toBe("");
  // The same exit code as when the whole report is read.
  const whole = spawnSync(process.execPath, [CLI, "check", DATASTORE_2024], { stdio: "ignore" });
  expect(code).toBe(whole.status);
}, 60_000);
