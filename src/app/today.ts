// The one clock every surface dates new data sheets by.

/**
 * Today as YYYY-MM-DD in the user's own calendar (the "Imported" date of new data
 * sheets). The command line took the UTC date before; both are the same in UTC.
 */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
