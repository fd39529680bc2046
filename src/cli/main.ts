// The command-line tool: parses arguments with commander and hands off to one module per
// command. Only this layer touches the file system and the process.
import { promises as fs, readFileSync } from "fs";
import { join } from "path";
import { Command, CommanderError } from "commander";
import { runCheck } from "./checkCommand";
import { runMonitor } from "./monitorCommand";
import { CliIO } from "./io";
import { replaceFile } from "./replaceFile";
import { decodeText } from "../core/read";

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

// A reader that stops early (`check … | head -1`) closes the pipe: the rest of the output
// has nowhere to go, which is not a failure. The run ends as usual, writing nothing more.
let stdoutClosed = false;
let stdoutWatched = false;
const isClosedPipe = (e: unknown): boolean =>
  typeof e === "object" && e !== null && (e as { code?: unknown }).code === "EPIPE";

function watchStdout(): void {
  if (stdoutWatched) return;
  stdoutWatched = true;
  // Without a listener the stream's "error" event would end the process with a stack trace;
  // each write's own callback reports any other error.
  process.stdout.on("error", (e) => {
    if (isClosedPipe(e)) stdoutClosed = true;
  });
}

/** The real process: files from disk, output to stdout/stderr. */
export const processIO: CliIO = {
  // Bytes decoded as UTF-8, UTF-16 (Excel's "Unicode Text") or Windows-1252.
  readFile: async (path) => decodeText(await fs.readFile(path)),
  readBytes: async (path) => new Uint8Array(await fs.readFile(path)),
  // Never leaves a half-written workbook: see replaceFile.
  writeFile: replaceFile,
  stdout: (s) =>
    new Promise<void>((resolve, reject) => {
      watchStdout();
      if (stdoutClosed) return resolve();
      // Waits for a slow reader (a pipe) to take the text, so output never piles up in memory.
      process.stdout.write(s, (e) => {
        if (e && isClosedPipe(e)) stdoutClosed = true;
        if (e && !stdoutClosed) reject(e);
        else resolve();
      });
    }),
  stderr: (s) => process.stderr.write(s),
};

/** The version in package.json (two folders up from both src/cli and dist/cli). */
function packageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8"));
  const version = (pkg as { version?: unknown }).version;
  return typeof version === "string" ? version : "unknown";
}

const PAGES_FLAG = "--pages <range>";
const AREA_HELP =
  "area (borough) name; repeat to pick Datastore areas, or wards of a ward-level file (name or code)";
const GROUP_HELP = 'Datastore: a group preset, "<borough> wards" or NAME=Area1,Area2';
const PAGES_HELP = "PDFs: the pages to search for tables, e.g. 7-84";

/** Runs the tool with the given arguments (without "node script"); resolves to the exit code. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name("scrutiny-sheets")
    .description("Check pasted police crime tables and build scrutiny workbooks.")
    .version(packageVersion(), "-V, --version", "print the version")
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout(s), writeErr: (s) => io.stderr(s) });

  program
    .command("check")
    .description(
      "read crime tables (pasted text, CSV, HTML or Datastore CSV) and validate every derived figure"
    )
    .argument("<files...>", "files to check")
    .option("--area <name>", AREA_HELP, collect)
    .option("--period <YYYY-MM>", "Datastore: end month of the rolling 12 months")
    .option("--group <name>", GROUP_HELP)
    .option("--json", "print one JSON document")
    .option(PAGES_FLAG, PAGES_HELP)
    .action(
      async (
        files: string[],
        opts: { area?: string[]; period?: string; group?: string; json?: boolean; pages?: string }
      ) => {
        exitCode = await runCheck(files, opts, io);
      }
    );

  program
    .command("build")
    .description("build a workbook from crime tables and Datastore CSVs")
    .argument("<files...>", "input files")
    // Checked in the action, not as a required option: commander reports a missing required
    // option before an unknown one, so a mistyped `--output` would read as "--out missing".
    .option(
      "--out <book.xlsx>",
      "workbook to write; an existing file is replaced only if it is a workbook built by scrutiny-sheets (never an input file)"
    )
    .option("--force", "replace an existing --out file that scrutiny-sheets did not build")
    .option("--area <name>", AREA_HELP, collect)
    .option("--period <YYYY-MM>", "Datastore: end month of the rolling 12 months")
    .option(
      "--group <NAME=Area1,Area2>",
      'a comparison group (repeatable; a preset name or "<borough> wards" also works)',
      collect
    )
    .option("--monitor <file>", "an indicator table for a monitoring sheet (repeatable)", collect)
    .option(PAGES_FLAG, PAGES_HELP)
    .action(
      async (
        files: string[],
        opts: {
          pages?: string;
          out?: string;
          area?: string[];
          period?: string;
          group?: string[];
          monitor?: string[];
          force?: boolean;
        },
        command: Command
      ) => {
        const { out } = opts;
        if (out === undefined)
          command.error("error: required option '--out <book.xlsx>' not specified", {
            code: "commander.missingMandatoryOptionValue",
          });
        else
          exitCode = await (await import("./buildCommand")).runBuild(files, { ...opts, out }, io);
      }
    );

  program
    .command("refresh")
    .description(
      "re-read the data sheets of a workbook, add tables and rebuild every generated sheet"
    )
    .argument("<book>", "workbook built by scrutiny-sheets")
    .option("--add <file>", "a further table to import (repeatable)", collect)
    .option(PAGES_FLAG, PAGES_HELP)
    .action(async (book: string, opts: { add?: string[]; pages?: string }) => {
      // Loaded here: the workbook reader and writers are no part of `check`.
      exitCode = await (await import("./refreshCommand")).runRefresh(book, opts, io);
    });

  program
    .command("monitor")
    .description("rate performance indicators against targets: RAG status and direction of travel")
    .argument("<files...>", "indicator tables")
    .option("--json", "print one JSON document")
    .action(async (files: string[], opts: { json?: boolean }) => {
      exitCode = await runMonitor(files, opts, io);
    });

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with exit code 0; misuse with 2.
      return err.exitCode === 0 ? 0 : 2;
    }
    throw err;
  }
  return exitCode;
}
