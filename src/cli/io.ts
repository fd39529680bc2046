// What a command needs from the outside world, so commands run in tests without a process.
export interface CliIO {
  /** A text file (UTF-8). */
  readFile(path: string): Promise<string>;
  /** A binary file (a workbook). */
  readBytes(path: string): Promise<Uint8Array>;
  writeFile(path: string, bytes: Uint8Array | string): Promise<void>;
  /** Resolves once the text is taken (a long report waits for the reader, not in memory). */
  stdout(s: string): void | Promise<void>;
  stderr(s: string): void;
}
