import { colon, formatNumber, t } from '../i18n/t';
import { CHARGER_KIND_COLOURS } from '../layers/palette';
import { selectChargerById } from '../state/selectors';
import { useAppStore } from '../state/store';
import { Sheet } from './card-parts';
import { RecordDates } from './record-dates';
import { SourceText } from './source-text';

/** One charging site: what it is, how big, since when, and that it is illustrative when it is. */
export function ChargerCard() {
  const lang = useAppStore((s) => s.lang);
  const selection = useAppStore((s) => s.selection);
  const data = useAppStore((s) => s.data);
  const select = useAppStore((s) => s.select);
  if (selection?.kind !== 'charger' || !data) return null;
  const c = selectChargerById(data).get(selection.id);
  if (!c) return null;
  const district = data.districts.features.find((d) => d.properties.adcode === c.district);
  const township = data.townshipUnits.find((u) => u.code === c.township);
  const row = (label: string, value: string) => (
    <p>
      <span className="small muted">
        {label}
        {colon(lang)}
      </span>
      {value}
    </p>
  );
  return (
    <Sheet
      className="card charger-card"
      testId="charger-card"
      dataAttrs={{ 'data-charger': c.id }}
      title={c.name}
      subtitle={t(lang, `kind.${c.kind}`)}
      colour={CHARGER_KIND_COLOURS[c.kind]}
      onClose={() => select(null)}
      lang={lang}
    >
      {c.illustrative ? <p className="illustrative-banner">{t(lang, 'charging.illustrative')}</p> : null}
      {row(t(lang, 'chg.operator'), c.operator || '—')}
      {row(t(lang, 'chg.connectors'), c.connectors === null ? '—' : String(c.connectors))}
      {row(t(lang, 'chg.power'), c.powerKw === null ? '—' : `${formatNumber(lang, c.powerKw, 0)} kW`)}
      {row(t(lang, 'chg.commissioned'), c.commissioned ?? '—')}
      {row(t(lang, 'chg.status'), t(lang, `status.${c.status}`))}
      {row(
        t(lang, 'chg.district'),
        district ? (lang === 'zh' ? district.properties.name_zh : district.properties.name_en) : '—',
      )}
      {row(t(lang, 'chg.township'), township?.name_zh ?? '—')}
      <section>
        <h3>{t(lang, 'ent.source')}</h3>
        <p className="small">
          <SourceText text={c.source} />
        </p>
        <RecordDates sourceDate={c.sourceDate ?? ''} checked={c.checked ?? ''} lang={lang} />
      </section>
    </Sheet>
  );
}
