import { attributionFor } from '../i18n/attribution';
import { colon, pick, t } from '../i18n/t';
import type { MessageKey } from '../i18n/zh';
import { isoDate } from '../model/dates';
import type { AppState } from '../state/store';
import { encodeHash, type ShareState } from '../state/url-hash';
import { shareStateOfTour } from '../tour/step-view';
import type { TourStep } from '../tour/steps';

/** The PNG's file name. */
export function mapImageFileName(d: Date = new Date()): string {
  return `huaibei-map-${isoDate(d)}.png`;
}

export type ViewInput = Pick<
  AppState,
  'lang' | 'data' | 'selection' | 'filters' | 'panel' | 'tourStep' | 'visibleLayers' | 'layerDefs'
>;

const PANEL_KEYS: Partial<Record<AppState['panel'], MessageKey>> = {
  chain: 'nav.chain',
  targets: 'nav.targets',
  charging: 'nav.charging',
  goals: 'nav.goals',
  match: 'nav.match',
};

/**
 * What the view is about, in a few words: the tour step, else the selected area, segment, firm
 * or site, else the segment the firms are filtered to, else the open panel, else the whole city.
 */
export function viewTitle(s: ViewInput): string {
  const { lang, data, selection } = s;
  const step = s.tourStep === null ? undefined : data?.tour[s.tourStep];
  if (step) return pick(lang, step.title);
  if (data && selection) {
    const id = selection.id;
    if (selection.kind === 'area') {
      const a = data.areas.areas.find((x) => x.id === id);
      if (a) return pick(lang, a.name);
    } else if (selection.kind === 'segment') {
      const seg = data.chain.segments.find((x) => x.id === id);
      if (seg) return pick(lang, seg.name);
    } else if (selection.kind === 'enterprise') {
      const e = data.enterprises.find((x) => x.id === id);
      if (e) return pick(lang, e.name);
    } else {
      const c = data.chargers.find((x) => x.id === id);
      if (c) return c.name;
    }
  }
  const segId = s.filters.segment;
  const seg = segId && data ? data.chain.segments.find((x) => x.id === segId) : undefined;
  if (seg) return pick(lang, seg.name);
  const panelKey = PANEL_KEYS[s.panel];
  if (panelKey) return t(lang, panelKey);
  return t(lang, 'share.wholeCity');
}

/** The layers on the map, by name, in the layer panel's order. */
export function layersLine(s: ViewInput): string {
  const names = s.layerDefs.filter((l) => s.visibleLayers.includes(l.id)).map((l) => t(s.lang, l.labelKey));
  return t(s.lang, 'share.layersShown', { list: names.join(s.lang === 'zh' ? '、' : ', ') });
}

/** Sources and licences of what is drawn: the offline map's, plus Tianditu when its tiles are on. */
export function sourcesFor(s: Pick<AppState, 'lang' | 'visibleLayers'>): string[] {
  const out = attributionFor(s.lang);
  if (s.visibleLayers.includes('tianditu')) out.push(t(s.lang, 'attr.tianditu'));
  return out;
}

export function dateLine(lang: AppState['lang'], d: Date = new Date()): string {
  return `${t(lang, 'share.date')}${colon(lang)}${isoDate(d)}`;
}

/** The page's address without its hash: where a link to another view of this app starts. */
export function baseHref(href: string): string {
  const i = href.indexOf('#');
  return i < 0 ? href : href.slice(0, i);
}

/** The link that opens tour step `index` (as the presenter would show it), or null for no tour. */
export function stepLink(
  href: string,
  steps: readonly TourStep[],
  index: number,
  base: ShareState,
): string | null {
  const st = shareStateOfTour(steps, index, base);
  return st ? `${baseHref(href)}${encodeHash(st)}` : null;
}
