import type { Lang } from '../data/types';
import { pick, t } from '../i18n/t';
import {
  AREA_COLOURS,
  CHARGER_KIND_COLOURS,
  COVERAGE_GAP_COLOUR,
  chainColour,
  THEME,
  UNCLASSIFIED_COLOUR,
} from '../layers/palette';
import type { AppState } from '../state/store';

/**
 * How an entry's symbol is drawn: a filled square (`swatch`), a filled square with a dashed edge
 * (a park), an empty dashed square (the "approximate" note), a filled dot, a ring, or a pale
 * square (coverage gaps, drawn half transparent on the map); `none`: a line of text heading a group.
 */
export type LegendMark = 'swatch' | 'dashed' | 'hollow' | 'dot' | 'ring' | 'faded' | 'none';

export interface LegendEntry {
  group: 'areas' | 'enterprises' | 'chargers' | 'other';
  mark: LegendMark;
  colour: string;
  /** Edge colour when it differs from the fill. */
  border?: string;
  label: string;
  /** A second, smaller line (an area's specialisation). */
  detail?: string;
}

export type LegendInput = Pick<AppState, 'lang' | 'visibleLayers' | 'data' | 'charging'>;

// The enterprise symbols' blue, as the on-screen legend draws them (.dot.solid, .dot.ring).
const FIRM_SYMBOL = '#1f5fa8';
const CHARGER_KINDS = ['dc_fast', 'ac_slow', 'swap', 'hydrogen'] as const;

/**
 * What the legend explains for a state, as data (same entries, order and colours as legend.tsx):
 * firm symbols and chain colours with the enterprise layer, site kinds with the chargers, the six
 * areas with their colours, names and specialisations, then the reference layers.
 */
export function legendEntries(s: LegendInput): LegendEntry[] {
  const lang: Lang = s.lang;
  const on = (id: string) => (s.visibleLayers as readonly string[]).includes(id);
  const out: LegendEntry[] = [];
  if (on('enterprises') && s.data) {
    out.push(
      { group: 'enterprises', mark: 'dot', colour: FIRM_SYMBOL, label: t(lang, 'legend.enterpriseExact') },
      { group: 'enterprises', mark: 'ring', colour: FIRM_SYMBOL, label: t(lang, 'legend.enterpriseApprox') },
    );
    for (const c of s.data.chain.chains) {
      out.push({ group: 'enterprises', mark: 'dot', colour: chainColour(c.id), label: pick(lang, c.name) });
    }
    out.push({
      group: 'enterprises',
      mark: 'dot',
      colour: UNCLASSIFIED_COLOUR,
      label: t(lang, 'legend.unclassified'),
    });
  }
  if (on('chargers')) {
    out.push({ group: 'chargers', mark: 'none', colour: THEME.textMuted, label: t(lang, 'legend.chargers') });
    for (const k of CHARGER_KINDS) {
      const ring = k === 'swap' || k === 'hydrogen';
      out.push({
        group: 'chargers',
        mark: ring ? 'ring' : 'dot',
        colour: CHARGER_KIND_COLOURS[k] ?? UNCLASSIFIED_COLOUR,
        label: t(lang, `kind.${k}`),
      });
    }
    if (on('coverage')) {
      out.push({
        group: 'chargers',
        mark: 'faded',
        colour: COVERAGE_GAP_COLOUR,
        label: t(lang, 'legend.coverage', { km: s.charging.coverKm }),
      });
    }
  }
  if (on('areas') && s.data) {
    for (const a of s.data.areas.areas) {
      out.push({
        group: 'areas',
        mark: a.kind === 'park' ? 'dashed' : 'swatch',
        colour: AREA_COLOURS[a.id],
        label: pick(lang, a.name),
        detail: pick(lang, a.role),
      });
    }
    out.push({ group: 'other', mark: 'hollow', colour: THEME.text, label: t(lang, 'legend.approximate') });
  }
  if (on('townships')) {
    out.push({ group: 'other', mark: 'dot', colour: THEME.township, label: t(lang, 'legend.township') });
  }
  if (on('transport')) {
    out.push(
      { group: 'other', mark: 'dot', colour: THEME.junction, label: t(lang, 'legend.junction') },
      { group: 'other', mark: 'dot', colour: THEME.serviceArea, label: t(lang, 'legend.serviceArea') },
    );
  }
  if (on('neighbours')) {
    out.push({
      group: 'other',
      mark: 'swatch',
      colour: THEME.neighbourFill,
      border: THEME.prefectureLine,
      label: t(lang, 'legend.neighbour'),
    });
  }
  return out;
}
