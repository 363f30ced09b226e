// Templates of data issues (bundled files and imports): a DataIssue carries a code and parameters,
// never a sentence; the notices, the import report and the tour's skipped-step note render it here.
// Where the item, line and field are shown is the renderer's job: templates say only why.
export const zhIssues = {
  // ── data files: JSON and GeoJSON ───────────────────────────────────────────
  // ── rows: CSV files and imports ────────────────────────────────────────────
  // ── end ──
} as const;
