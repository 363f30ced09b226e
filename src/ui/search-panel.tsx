import { type ReactNode, useState } from 'react';
import type { AreaId, Enterprise, Lang } from '../data/types';
import { type SearchHit, search } from '../domain/search';
import { colon, pick, t } from '../i18n/t';
import { selectEnterpriseByKey, selectPlacements } from '../state/selectors';
import { useAppStore } from '../state/store';
import { Sheet } from './card-parts';

const MAX_FIRMS = 50;

type FirmHit = Extract<SearchHit, { kind: 'enterprise' }>;

/**
 * Find a firm by its name, what it makes or its segment (正极, separator, 铝…), or a segment or an
 * area by name; each result says why it matched. The list answers by tap, nothing waits on hover.
 */
export function SearchPanel() {
  const lang = useAppStore((s) => s.lang);
  const panel = useAppStore((s) => s.panel);
  const data = useAppStore((s) => s.data);
  const setPanel = useAppStore((s) => s.setPanel);
  const select = useAppStore((s) => s.select);
  const focusSegment = useAppStore((s) => s.focusSegment);
  const [query, setQuery] = useState('');
  if (panel !== 'search' || !data) return null;
  const placements = selectPlacements(data);
  const byKey = selectEnterpriseByKey(data);
  const { hits, firmCount } = search(
    query,
    {
      areas: data.areas.areas,
      segments: data.chain.segments,
      enterprises: data.enterprises,
    },
    MAX_FIRMS,
  );
  const segName = (id: string) => {
    const s = data.chain.segments.find((x) => x.id === id);
    return s ? pick(lang, s.name) : id;
  };
  const done = () => setPanel('none');
  const positionOf = (e: Enterprise) => placements[data.enterprises.indexOf(e)]?.position ?? null;
  // A result taken: show it (a firm also at street level on the map) and give the map the room.
  const openFirm = (e: Enterprise) => () => {
    // The map brings it into view, at street level.
    select({ kind: 'enterprise', id: e.id });
    done();
  };
  const openArea = (id: AreaId) => () => {
    select({ kind: 'area', id });
    done();
  };

  const row = (key: string, testId: string, onClick: () => void, name: ReactNode, why: ReactNode) => (
    <li key={key}>
      <button type="button" className="result-btn" data-result={testId} onClick={onClick}>
        <span className="result-name">{name}</span>
        <span className="small muted result-why">{why}</span>
      </button>
    </li>
  );

  const firmRow = (hit: FirmHit) => {
    const e = byKey.get(hit.key);
    if (!e) return null;
    const pos = positionOf(e);
    const area = data.areas.areas.find((a) => a.id === e.area);
    const where = `${area ? pick(lang, area.name) : t(lang, 'ent.areaUnknown')}${pos ? '' : ` · ${t(lang, 'search.offMap')}`}`;
    return row(
      `e-${hit.key}`,
      e.id,
      openFirm(e),
      pick(lang, e.name),
      <>
        {where}
        {' · '}
        <span data-testid="search-why">{firmReason(lang, hit, e, segName)}</span>
      </>,
    );
  };

  return (
    <Sheet
      className="side-panel search-panel"
      testId="search-panel"
      title={t(lang, 'search.label')}
      onClose={done}
      lang={lang}
    >
      <input
        type="search"
        className="search-input"
        aria-label={t(lang, 'search.label')}
        placeholder={t(lang, 'search.placeholder')}
        value={query}
        maxLength={200}
        // biome-ignore lint/a11y/noAutofocus: the panel opens for typing; focus saves a tap on a tablet
        autoFocus
        onChange={(ev) => setQuery(ev.target.value)}
      />
      {query.trim() && hits.length === 0 ? <p className="muted">{t(lang, 'search.none')}</p> : null}
      {firmCount > MAX_FIRMS ? (
        <p className="small muted">{t(lang, 'search.more', { n: MAX_FIRMS, total: firmCount })}</p>
      ) : null}
      <ul className="plain-list result-list">
        {hits.map((hit) => {
          if (hit.kind === 'area') {
            const a = data.areas.areas.find((x) => x.id === hit.id);
            return row(
              `a-${hit.id}`,
              `area:${hit.id}`,
              openArea(hit.id),
              a ? pick(lang, a.name) : hit.id,
              t(lang, 'search.why.area'),
            );
          }
          if (hit.kind === 'segment') {
            return row(
              `s-${hit.id}`,
              `segment:${hit.id}`,
              () => {
                focusSegment(hit.id);
                done();
              },
              segName(hit.id),
              t(lang, hit.field === 'name' ? 'search.why.segment' : 'search.why.segmentKeyword'),
            );
          }
          return firmRow(hit);
        })}
      </ul>
      {query.trim() ? null : (
        // Nothing typed: every area and every firm as a list, those with no location included,
        // for a keyboard on a projector or anyone who cannot use the map.
        <div className="browse-list" data-testid="browse-list">
          <h3>{t(lang, 'search.browseAreas')}</h3>
          <ul className="plain-list result-list">
            {data.areas.areas.map((a) =>
              row(`a-${a.id}`, `area:${a.id}`, openArea(a.id), pick(lang, a.name), pick(lang, a.role)),
            )}
          </ul>
          {[...data.areas.areas.map((a) => a.id), null].map((areaId) => {
            const firms = data.enterprises.filter((e) => e.area === areaId);
            if (firms.length === 0) return null;
            const area = data.areas.areas.find((a) => a.id === areaId);
            return (
              <details key={areaId ?? 'none'} className="browse-group" data-browse-area={areaId ?? 'none'}>
                <summary>
                  {area ? pick(lang, area.name) : t(lang, 'search.noArea')} ·{' '}
                  {t(lang, 'search.firmCount', { n: firms.length })}
                </summary>
                <ul className="plain-list result-list">
                  {firms.map((e) =>
                    row(
                      `b-${e.key}`,
                      e.id,
                      openFirm(e),
                      pick(lang, e.name),
                      positionOf(e)
                        ? pick(lang, e.productLine) || t(lang, `ent.status.${e.status}`)
                        : t(lang, 'search.noLocation'),
                    ),
                  )}
                </ul>
              </details>
            );
          })}
        </div>
      )}
    </Sheet>
  );
}

/** Why a firm is in the list, in the interface's language: its name, its product line, or its segment. */
function firmReason(lang: Lang, hit: FirmHit, e: Enterprise, segName: (id: string) => string): string {
  switch (hit.field) {
    case 'name':
      return t(lang, 'search.why.name');
    case 'product': {
      const line = pick(lang, e.productLine);
      return line
        ? `${t(lang, 'search.why.product')}${colon(lang)}${line}`
        : t(lang, 'search.why.productNote');
    }
    default:
      return `${t(lang, 'search.why.firmSegment')}${colon(lang)}${hit.segment ? segName(hit.segment) : ''}`;
  }
}
