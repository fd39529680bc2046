// Excel's stricter rules: what Excel refuses ("We found a problem with some content…")
// where LibreOffice and most readers forgive. Each rule names where the writer keeps it;
// test/writers/xlsx/packageParts.test.ts checks the written parts against the ECMA-376
// schemas (order, required elements) and the rules the schema cannot state (table
// headers, relationships, content types, the active tab).

export const EXCEL_RULES = [
  {
    rule: "Sheet names: 1–31 characters, none of : \\ / ? * [ ], not starting or ending with ', unique ignoring case; 'History' is reserved.",
    enforcedBy: "layout/sheetNames.ts (sheetNameProblem), run by checkSpec before writing",
  },
  {
    rule: "Table names: letters, digits, _ and ., starting with a letter or _, not a cell reference (AB12, R1C1), unique in the workbook ignoring case, and distinct from defined names.",
    enforcedBy: "layout/sheetNames.ts (tableNameProblem) and checkSpec's table checks",
  },
  {
    rule: "A table's header cells are strings equal to its column names; column names are unique in the table ignoring case and never empty.",
    enforcedBy:
      "tableXml.ts (tableColumnNames) names the columns; sheetXml.ts writes the header cells from those names",
  },
  {
    rule: "A table has at least one data row below its header; tables do not overlap; every table id is unique in the workbook.",
    enforcedBy:
      "tableXml.ts (tableRows), checkSpec (tables-overlap), writeXlsx.ts (workbook-wide table counter)",
  },
  {
    rule: "Element order inside <worksheet>: sheetPr, dimension, sheetViews, sheetFormatPr, cols, sheetData, …, conditionalFormatting, dataValidations, hyperlinks, printOptions, pageMargins, pageSetup, headerFooter, rowBreaks, …, drawing, legacyDrawing, …, tableParts, extLst.",
    enforcedBy: "sheetParts.ts (sheetHead, sheetTail) around sheetXml.ts's rows",
  },
  {
    rule: "No empty <cols> (nor any empty list element such as <hyperlinks/>, <rowBreaks/> or <definedNames/>).",
    enforcedBy: "sheetParts.ts (cols, hyperlinks, rowBreaks), workbookXml.ts (definedNames)",
  },
  {
    rule: "Rows ascending, cells in a row ascending by column, each cell once; row ≤ 1,048,576, column ≤ 16,384 (XFD).",
    enforcedBy:
      "sheetXml.ts (RowWriter merges blocks, kept cells and headers by column); checkSpec refuses cells off the sheet",
  },
  {
    rule: "Text ≤ 32,767 characters, formulas ≤ 8,192; a string literal in a formula ≤ 255 characters.",
    enforcedBy:
      "checkSpec (invalid-cell); cellXml.ts (MAX_FORMULA_STRING: longer link text is a hyperlink element, not a HYPERLINK formula)",
  },
  {
    rule: "Characters XML cannot hold (control characters, lone surrogates) appear as _xHHHH_ escapes or U+FFFD, never raw.",
    enforcedBy:
      "xml.ts (xmlText, escapeXlsxText); sharedStrings.ts holds escaped text so every reader decodes it",
  },
  {
    rule: "Functions newer than Excel 2007 carry the _xlfn. prefix in the file, or show #NAME?.",
    enforcedBy: "fileFormula.ts (toFileFormula), used by cellXml.ts and sheetParts.ts",
  },
  {
    rule: "The active tab and the selected tab are the same visible sheet (a hidden active tab makes Excel repair the file).",
    enforcedBy: "workbookXml.ts (activeTab), writeXlsx.ts (tabSelected on that sheet only)",
  },
  {
    rule: "Print titles and print areas are the built-in names _xlnm.Print_Titles / _xlnm.Print_Area, local to their sheet (localSheetId), with absolute references.",
    enforcedBy: "workbookXml.ts (printNames)",
  },
  {
    rule: "Header/footer text escapes & as &&; page codes are &P and &N; at most 255 characters per header or footer.",
    enforcedBy: "sheetParts.ts (headerFooterText)",
  },
  {
    rule: "Every part has a content type (Default by extension or Override), and every relationship target exists.",
    enforcedBy:
      "writeXlsx.ts (overrides collected as parts are added), workbookXml.ts (contentTypesXml)",
  },
  {
    rule: "styles.xml keeps the order numFmts, fonts, fills, borders, cellStyleXfs, cellXfs, cellStyles, dxfs, tableStyles; fills 0 and 1 are none and gray125; custom number formats have ids from 164.",
    enforcedBy: "styleTable.ts (StyleTable.xml, EMPTY_BASE, FIRST_CUSTOM_FORMAT)",
  },
  {
    rule: "A note needs both the comments part and a VML drawing (legacyDrawing) on its sheet.",
    enforcedBy: "commentsXml.ts, writeXlsx.ts (writeSheet)",
  },
] as const;
