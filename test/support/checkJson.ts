// `check --json` on a text as a file of that name, in memory: its exit code and document.
import { runCheck, type CheckIo } from "../../src/cli/checkCommand";

export async function checkJson<Doc>(
  file: string,
  text: string
): Promise<{ code: number; doc: Doc }> {
  let stdout = "";
  const io: CheckIo = {
    readFile: async () => text,
    stdout: (s) => void (stdout += s),
    stderr: () => undefined,
  };
  const code = await runCheck([file], { json: true }, io);
  return { code, doc: JSON.parse(stdout) as Doc };
}
