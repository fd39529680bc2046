// Reading pastes and files into typed crime tables.
export { readPaste, MAX_PASTE_CHARS, type ReadOptions } from "./readPaste";
export { detectFormat, type PasteFormat } from "./detectFormat";
export { parseNumber, type ParsedCell } from "./parseNumber";
export { parseDate, parsePeriodLine } from "./parseDate";
export { areaFromFileName, parseAreaLine } from "./findArea";
export { decodeText } from "./decodeText";
