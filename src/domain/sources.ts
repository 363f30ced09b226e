/** A source cell lists its sources separated by semicolons: one entry each, for a list. */
export function splitSources(text: string): string[] {
  return text
    .split(/\s*[;；]\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}
