import { AREA_IDS } from '../data/areas';
import type { BundledData } from '../data/load-bundled';
import type { AreaId, Lang } from '../data/types';
import { pick, t } from '../i18n/t';
import { AREA_COLOURS, chainColour } from '../layers/palette';
import { CONFIDENCES, PRECISIONS } from '../model';
import { selectFilteredEnterprises } from '../state/selectors';
import { type FilterList, useAppStore } from '../state/store';

/** An on/off chip (44 px high, aria-pressed): the filters' toggle, here and in the target list. */
export function Chip({
  on,
  onClick,
  label,
  colour,
  data,
}: {
  on: boolean;
  onClick: () => void;
  label: string;
  colour?: string;
  data: string;
}) {
  return (
    <button
      type="button"
      className={`chip filter-chip ${on ? 'on' : ''}`}
      aria-pressed={on}
      data-filter={data}
      onClick={onClick}
    >
      {colour ? <span className="chip-dot" style={{ background: colour }} aria-hidden="true" /> : null}
      {label}
    </button>
  );
}

/** The six areas as chip values: name in the user's language and specialisation colour. */
export function areaChoices(data: BundledData, lang: Lang): { v: AreaId; label: string; colour: string }[] {
  return AREA_IDS.map((a) => ({
    v: a,
    label: pick(lang, data.areas.areas.find((x) => x.id === a)?.name ?? { zh: a, en: a }),
    colour: AREA_COLOURS[a],
  }));
}

/** Enterprise filters: chips that read as on or off without hover; the count says what they leave. */
export function FilterSection() {
  const lang = useAppStore((s) => s.lang);
  const data = useAppStore((s) => s.data);
  const filters = useAppStore((s) => s.filters);
  const toggle = useAppStore((s) => s.toggleFilter);
  const clear = useAppStore((s) => s.clearFilters);
  const focusSegment = useAppStore((s) => s.focusSegment);
  if (!data) return null;
  const shown = selectFilteredEnterprises(data, filters).length;
  const row = <K extends FilterList>(list: K, values: { v: string; label: string; colour?: string }[]) => (
    <div className="chip-row">
      {values.map(({ v, label, colour }) => (
        <Chip
          key={v}
          data={`${list}:${v}`}
          on={(filters[list] as string[]).includes(v)}
          onClick={() => toggle(list, v as never)}
          label={label}
          {...(colour ? { colour } : {})}
        />
      ))}
    </div>
  );
  const segment = filters.segment ? data.chain.segments.find((s) => s.id === filters.segment) : undefined;
  return (
    <section className="filter-section" aria-label={t(lang, 'filter.title')}>
      <h2>{t(lang, 'filter.title')}</h2>
      <p className="small" data-testid="filter-count">
        {t(lang, 'filter.showing', { n: shown, total: data.enterprises.length })}
      </p>
      {segment ? (
        <Chip
          on
          data="segment"
          onClick={() => focusSegment(null)}
          label={`${t(lang, 'filter.segment', { name: pick(lang, segment.name) })} ✕`}
        />
      ) : null}
      <h3>{t(lang, 'filter.chain')}</h3>
      {row(
        'chains',
        data.chain.chains.map((c) => ({ v: c.id, label: pick(lang, c.name), colour: chainColour(c.id) })),
      )}
      <h3>{t(lang, 'filter.area')}</h3>
      {row('areas', areaChoices(data, lang))}
      <h3>{t(lang, 'filter.precision')}</h3>
      {row(
        'precision',
        PRECISIONS.map((p) => ({ v: p, label: t(lang, `ent.precision.${p}`) })),
      )}
      <h3>{t(lang, 'filter.confidence')}</h3>
      {row(
        'confidence',
        CONFIDENCES.map((c) => ({ v: c, label: t(lang, `conf.${c}`) })),
      )}
      <button type="button" className="text-btn" onClick={clear}>
        {t(lang, 'filter.clear')}
      </button>
    </section>
  );
}
