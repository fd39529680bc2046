// The sentences a user reads about a PDF: why it gave no tables, and which table on which
// page could not be read.

export const pdfMessages = {
  noTextLayer: (file: string) =>
    `${file} has no text to read: its pages are scanned images. Open the original document (or one saved with its text) and try again; Scrutiny Sheets does not read text from images.`,
  noPages: (file: string, pages: string) =>
    `${file} has no page ${pages}: check the --pages range against the document's length.`,
  unreadableTable: (page: number) =>
    `A table on page ${page} could not be read: its columns cannot be told apart. Copy it by hand, or check it against the paper.`,
  unlabelledTable: (page: number) =>
    `A table on page ${page} could not be read: its rows hold figures but no labels (a wide table split across pages leaves its labels on another page). Check it against the paper.`,
  noTable: (file: string) =>
    `No crime table was found in ${file}: expected a heading row such as "Crime Category … Offences Previous R12 …", "Previous R12 / Current R12 / Change %", or rows of a label followed by figures.`,
};
