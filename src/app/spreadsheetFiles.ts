// Which input files are spreadsheets, by name: apart from the reader, so a command can ask
// without loading the spreadsheet library (check loads it only for such a file).

/** File names read as spreadsheets (a .csv is text: the core reads it as it is). */
export function isSpreadsheetFile(name: string): boolean {
  return /\.(xlsx|xlsm|ods|xls)$/i.test(name);
}
