/**
 * The one definition of "today" in the app: the calendar date where the user is (the browser's time
 * zone), as YYYY-MM-DD. A UTC date would be yesterday in Huaibei (UTC+8) before 08:00.
 */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function todayIso(now: Date = new Date()): string {
  return isoDate(now);
}
