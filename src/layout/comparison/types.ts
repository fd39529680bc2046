// The areas (or periods) and rows the comparison and trend sheets show, as layoutWorkbook
// finds them on the data sheets.

/** The counts a comparison or trend looks up on a data sheet. */
export type CountField = "offencesPrevious" | "offencesCurrent" | "sdsPrevious" | "sdsCurrent";

export interface ComparedArea {
  area: string;
  sheetName: string;
  /** 0-based columns of the data sheet; absent fields show "n/a". */
  cols: Partial<Record<"category" | "subcategory" | CountField, number>>;
}

export interface ComparedRow {
  category: string;
  subcategory: string | null;
  isTotal: boolean;
}
