import type { BundledData } from '../data/load-bundled';
import type { Lang } from '../data/types';
import type { ChangeList } from '../domain/changes';
import { isEmptyChange } from '../domain/changes';
import { areaName, firmName, joinNames, segmentName } from '../export/card-text';
import { formatNumber, t } from '../i18n/t';
import './change-list.css';

// Firms listed per section on screen and on paper; the counts are always whole.
const SHOWN = 50;

/** The names of a list of segment ids, or "no segment". */
function segmentNames(data: BundledData, lang: Lang, ids: readonly string[]): string {
  if (ids.length === 0) return t(lang, 'changes.noSegment');
  return joinNames(
    lang,
    ids.map((id) => segmentName(data, lang, id)),
  );
}

const placeName = (data: BundledData, lang: Lang, area: string | null) =>
  area ? areaName(data, lang, area) : t(lang, 'changes.areaUnknown');

function districtName(data: BundledData, lang: Lang, adcode: string): string {
  const f = data.districts.features.find((d) => d.properties.adcode === adcode);
  return f ? (lang === 'zh' ? f.properties.name_zh : f.properties.name_en) : adcode;
}

function Section<T>({
  title,
  items,
  total,
  line,
  lang,
  testId,
}: {
  title: string;
  items: readonly T[];
  total: number;
  line: (x: T) => string;
  lang: Lang;
  testId: string;
}) {
  if (total === 0) return null;
  const shown = items.slice(0, SHOWN);
  return (
    <section className="change-section" data-testid={testId} data-count={total}>
      <h4>{title}</h4>
      <ul>
        {shown.map((x, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
          <li key={i}>{line(x)}</li>
        ))}
      </ul>
      {total > shown.length ? (
        <p className="small muted">{t(lang, 'changes.more', { n: total - shown.length })}</p>
      ) : null}
    </section>
  );
}

/** What an import (or a period) changed: firms, segments, the charging build-out. */
export function ChangeListView({
  changes,
  data,
  lang,
}: {
  changes: ChangeList;
  data: BundledData;
  lang: Lang;
}) {
  if (isEmptyChange(changes)) {
    return (
      <p className="muted" data-testid="changes-none">
        {t(lang, 'changes.none')}
      </p>
    );
  }
  const c = changes;
  const n = (x: number) => formatNumber(lang, x, 0);
  const sep = lang === 'zh' ? '：' : ': ';
  const { before, after } = c.charging;
  const chargingChanged =
    before.sites !== after.sites ||
    before.connectors !== after.connectors ||
    c.charging.byDistrict.length > 0;
  return (
    <div className="change-list" data-testid="change-list">
      <Section
        title={t(lang, 'changes.added', { n: c.counts.added })}
        items={c.added}
        total={c.counts.added}
        lang={lang}
        testId="changes-added"
        line={(f) => `${firmName(lang, f)} · ${placeName(data, lang, f.area)}`}
      />
      <Section
        title={t(lang, 'changes.removed', { n: c.counts.removed })}
        items={c.removed}
        total={c.counts.removed}
        lang={lang}
        testId="changes-removed"
        line={(f) => `${firmName(lang, f)} · ${placeName(data, lang, f.area)}`}
      />
      <Section
        title={t(lang, 'changes.moved', { n: c.counts.moved })}
        items={c.moved}
        total={c.counts.moved}
        lang={lang}
        testId="changes-moved"
        line={(m) =>
          `${firmName(lang, m.firm)}${sep}${placeName(data, lang, m.from)} → ${placeName(data, lang, m.to)}`
        }
      />
      <Section
        title={t(lang, 'changes.reclassified', { n: c.counts.reclassified })}
        items={c.reclassified}
        total={c.counts.reclassified}
        lang={lang}
        testId="changes-reclassified"
        line={(r) =>
          `${firmName(lang, r.firm)}${sep}${segmentNames(data, lang, r.from)} → ${segmentNames(data, lang, r.to)}`
        }
      />
      <Section
        title={t(lang, 'changes.segments', { n: c.segments.length })}
        items={c.segments}
        total={c.segments.length}
        lang={lang}
        testId="changes-segments"
        line={(s) => {
          const status =
            s.from.status === s.to.status
              ? ''
              : ` (${t(lang, `status.${s.from.status}`)} → ${t(lang, `status.${s.to.status}`)})`;
          return `${segmentNames(data, lang, [s.segment])}${sep}${t(lang, 'changes.segmentLine', {
            from: n(s.from.count),
            to: n(s.to.count),
          })}${status}`;
        }}
      />
      <section className="change-section" data-testid="changes-charging">
        <h4>{t(lang, 'changes.charging')}</h4>
        {chargingChanged ? (
          <>
            <p>
              {t(lang, 'changes.chargingLine', {
                before: n(before.sites),
                after: n(after.sites),
                cb: n(before.connectors),
                ca: n(after.connectors),
              })}
              {after.unplaced > before.unplaced
                ? `${lang === 'zh' ? '；' : '; '}${t(lang, 'changes.unplacedSites', { n: n(after.unplaced - before.unplaced) })}`
                : ''}
            </p>
            <ul>
              {c.charging.byDistrict.map((d) => (
                <li key={d.district}>
                  {t(lang, 'changes.district', {
                    district: districtName(data, lang, d.district),
                    before: n(d.before),
                    after: n(d.after),
                  })}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t(lang, 'changes.chargingSame', { n: n(after.sites) })}</p>
        )}
      </section>
    </div>
  );
}
