import type { zhIssues } from './zh-issues';

export const enIssues: Record<keyof typeof zhIssues, string> = {
  // ── data files: JSON and GeoJSON ───────────────────────────────────────────
  // ── rows: CSV files and imports ────────────────────────────────────────────
  // ── end ──
};
