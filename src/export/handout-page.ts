import type { LegendEntry } from '../layers/types';
import type { TargetLine } from './target-list';

/** One printed page: a view of the map with what explains it and the link that opens it. */
export interface HandoutPage {
  key: string;
  /** "导览第 2 / 10 步", or null for the current view. */
  stepLabel: string | null;
  heading: string;
  /** The step's narration, or null. */
  text: string | null;
  layers: string;
  /** What the view is about, as its card or panel says it (the plan's wording, firms, gaps, reasons); none for a tour step. */
  about: AboutBlock[];
  /** The map picture (JPEG data URL). */
  image: string;
  legend: LegendEntry[];
  link: string;
  /** The link's QR code (SVG data URL). */
  qr: string;
  sources: string[];
  date: string;
}

/** The target list as printed after the map pages: the filtered lines, as text, as they were when printed. */
export interface HandoutTargetList {
  /** "筛选条件：…", or that the list is whole. */
  filter: string;
  lines: TargetLine[];
  /** How strong, weak and missing are decided (the data's rule). */
  rule: string;
  date: string;
}

/**
 * What a printed view is about, as the card or panel on screen says it: headed blocks of text,
 * some with the plan's own wording quoted and where the plan says it. Plain strings only: the
 * handout renders them as text.
 */
export interface AboutBlock {
  heading: string;
  /** The plan's (or the data's) own wording, quoted as is. */
  quote?: string;
  /** Where the quote comes from ("《…规划》 三（二）"). */
  cite?: string;
  /** One line each: a segment with its firms or gap, a firm, a reason. */
  lines: string[];
}
