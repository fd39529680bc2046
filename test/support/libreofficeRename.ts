// A sheet renamed in LibreOffice Calc, as a user renames one: a Basic macro run headless
// opens the workbook, sets the sheet's name (Calc moves every reference to it: formulas,
// defined names) and saves it as .xlsx in place. The macro lives in a profile of its own
// (made once per test process), apart from the recalculating profile of libreoffice.ts.
import { execFile } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";

const MODULE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic" script:moduleType="normal">
Sub RenameSheet(file As String, oldName As String, newName As String)
  Dim loadArgs(0) As New com.sun.star.beans.PropertyValue
  loadArgs(0).Name = &quot;Hidden&quot;
  loadArgs(0).Value = True
  Dim doc As Object
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(file), &quot;_blank&quot;, 0, loadArgs())
  doc.Sheets.getByName(oldName).setName(newName)
  Dim saveArgs(0) As New com.sun.star.beans.PropertyValue
  saveArgs(0).Name = &quot;FilterName&quot;
  saveArgs(0).Value = &quot;Calc MS Excel 2007 XML&quot;
  doc.storeToURL(ConvertToURL(file), saveArgs())
  doc.close(True)
End Sub
</script:module>
`;

function soffice(args: string[]): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile("soffice", args, { timeout: 120000 }, (err, _out, stderr) =>
      err ? reject(new Error(`soffice failed: ${err.message}\n${stderr}`)) : resolve()
    )
  );
}

let profile: Promise<string> | undefined;

/** A profile whose Standard Basic library holds the rename macro. */
function macroProfile(): Promise<string> {
  profile ??= (async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "scrutiny-lo-macro-"));
    // LibreOffice makes the profile (and its Standard library) on a first start.
    await soffice([`-env:UserInstallation=file://${dir}`, "--headless", "--terminate_after_init"]);
    writeFileSync(path.join(dir, "user", "basic", "Standard", "Module1.xba"), MODULE);
    return dir;
  })();
  return profile;
}

const basicString = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** Renames the sheet `from` of the .xlsx file `file` to `to` in LibreOffice Calc, saving the file in place. */
export async function renameSheetWithLibreOffice(
  file: string,
  from: string,
  to: string
): Promise<void> {
  const dir = await macroProfile();
  const call = [file, from, to].map(basicString).join(",");
  await soffice([
    `-env:UserInstallation=file://${dir}`,
    "--headless",
    "--norestore",
    `macro:///Standard.Module1.RenameSheet(${call})`,
  ]);
}
