// The area a heading names: "Crime data for Merton", "London Borough of Merton", a
// borough's name alone, or an area line ("Borough: Merton"). Committee papers head each
// borough's tables so; the nearest such heading above a table names its area.
import { areaKey, LONDON_BOROUGHS } from "../../areas";
import { parseAreaLine } from "../findArea";

const NAMED =
  /^(?:crime\s+(?:data|figures|statistics|and\s+disorder)\s+(?:for|in)|(?:london|royal)\s+borough\s+of|borough\s+of)\s+(\S.{0,60}?)\s*$/i;

const BOROUGH_KEYS = new Map(LONDON_BOROUGHS.map((b) => [areaKey(b), b]));

/** The area a heading line names, or undefined. */
export function headingArea(text: string): string | undefined {
  if (text.length > 80) return undefined;
  const line = parseAreaLine(text);
  if (line !== undefined) return line;
  const named = NAMED.exec(text.trim());
  if (named) return named[1];
  return BOROUGH_KEYS.get(areaKey(text));
}
