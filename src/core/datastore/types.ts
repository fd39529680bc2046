// What a London Datastore recorded-crime file becomes once read: its areas, categories,
// months and counts. Counts are kept as prefix sums over months in one typed array, one
// block per (area, sub-category) the file holds, so any rolling sum is two look-ups and
// memory grows with the file, not with the periods asked for.

/** How the file named its columns, and whether it was ward level (then also summed to boroughs). */
export interface DatastoreLayout {
  /** "MajorText/MinorText" (borough files to 2024) or "Group/SubGroup" (later files). */
  naming: "MajorText/MinorText" | "Group/SubGroup";
  level: "borough" | "ward";
  /** The headers as found, for messages. */
  columns: {
    major: string;
    minor: string;
    area: string;
    wardName?: string;
    wardCode?: string;
    /** The historical ward file's "Refreshed Date" column: not a count, not read. */
    refreshed?: string;
  };
}

export interface DatastoreArea {
  /** Canonical borough name where the area is a borough or the airports, else the file's name. */
  name: string;
  /** The name as the file first wrote it. */
  fileName: string;
  isBorough: boolean;
  /** 1-based line of the area's first row. */
  line: number;
}

export interface DatastoreCategory {
  /** Major category (MajorText / Group) as the file first wrote it. */
  major: string;
  /** Sub-category (MinorText / SubGroup) as the file first wrote it. */
  minor: string;
  /** 1-based line where the file first holds this sub-category. */
  line: number;
}

export interface DatastoreMajor {
  name: string;
  /** Indices into DatastoreFile.categories, in the file's order. */
  categories: number[];
}

export interface DatastoreFile {
  source: string;
  layout: DatastoreLayout;
  /** Months held, ascending and consecutive, as YYYY-MM. */
  months: string[];
  /** Areas in the order the file first names them. */
  areas: DatastoreArea[];
  /** Sub-categories grouped by major category (majors in file order, then minors in file order). */
  categories: DatastoreCategory[];
  majors: DatastoreMajor[];
  /**
   * For area a and category c, cellBlock[a * categories.length + c] is the index of the
   * pair's block in `prefix`, or -1 when the file holds no row for it (zero offences).
   */
  cellBlock: Int32Array;
  /** 1-based line of the pair's (first) row, 0 when absent. Same indexing as cellBlock. */
  cellLine: Int32Array;
  /** Prefix sums: block b spans [b * (months + 1), (b + 1) * (months + 1)); entry i = sum of months [0, i). */
  prefix: Float64Array;
  /** Ward-level files only: each ward's own counts, beside the borough sums above. */
  wards?: DatastoreWards;
}

/** A ward of a ward-level file. */
export interface DatastoreWard {
  /** The name a user picks it by: the file's name, or "Name (Borough)" when two boroughs share it. */
  label: string;
  /** The ward name as the file first wrote it. */
  name: string;
  /** The ward code (E05…), or "" when the file gives none. */
  code: string;
  /** Index in DatastoreFile.areas of the ward's borough (or other area, as the airports). */
  area: number;
  /** 1-based line of the ward's first row. */
  line: number;
}

/** The wards of a ward-level file, with counts indexed as DatastoreFile's, wards for areas. */
export interface DatastoreWards {
  wards: DatastoreWard[];
  cellBlock: Int32Array;
  cellLine: Int32Array;
  prefix: Float64Array;
}
