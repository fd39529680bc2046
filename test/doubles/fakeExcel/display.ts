// What Excel shows in a cell (Range.text) for the number formats the product uses:
// General, fixed decimals, thousands separators, percentages, text, and m/d/yyyy dates.
// Rounding is half away from zero, as Excel displays.

function fixed(x: number, decimals: number): string {
  const f = 10 ** decimals;
  const r = (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
  return r.toFixed(decimals);
}

function group(s: string): string {
  const [int = "", frac] = s.replace("-", "").split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${s.startsWith("-") ? "-" : ""}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}

function general(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e11) return String(x);
  const p = Number(x.toPrecision(10));
  return Math.abs(p) >= 1e11 || (Math.abs(p) < 1e-9 && p !== 0)
    ? p
        .toExponential(5)
        .replace(/\.?0+e/, "E")
        .replace("e", "E")
    : String(p);
}

export function displayNumber(x: number, numFmt: string): string {
  const fmt = numFmt.split(";")[0] ?? "General";
  if (fmt === "General" || fmt === "@" || fmt === "") return general(x);
  const date = /^m+\/d+\/y+$/i.test(fmt);
  if (date) {
    const d = new Date(Date.UTC(1899, 11, 30) + Math.round(x) * 86400000);
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
  }
  const m = /^([#,0]*0)(?:\.(0+))?(%?)$/.exec(fmt.replace(/"[^"]*"/g, ""));
  if (!m) return general(x);
  const decimals = m[2]?.length ?? 0;
  const pct = m[3] === "%";
  const s = fixed(pct ? x * 100 : x, decimals);
  return `${m[1]?.includes(",") ? group(s) : s}${pct ? "%" : ""}`;
}
