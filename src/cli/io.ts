// What a command needs from the outside world, so commands run in tests without a process.
export interface CliIO {
  /** A text file (UTF-8). */
  readFile(path: string): Promise<string>;
  /** A binary file (a workbook). */
  readBytes(path: string): Promise<Uint8Array>;
  writeFile(path: string, bytes: Uint8Array | string): Promise<void>;
  stdout(s: string): void;
  stderr(s: string): void;
}
