import { colon, pick, t } from '../i18n/t';
import { chainColour } from '../layers/palette';
import { selectEnterpriseById, selectPlacements } from '../state/selectors';
import { useAppStore } from '../state/store';
import { AreaChip, SegmentChip, Sheet } from './card-parts';
import { SourceText } from './source-text';

/** The selected firm: what it makes, where it is and how well that is known, and the sources. */
export function EnterpriseCard() {
  const lang = useAppStore((s) => s.lang);
  const selection = useAppStore((s) => s.selection);
  const data = useAppStore((s) => s.data);
  const select = useAppStore((s) => s.select);
  if (selection?.kind !== 'enterprise' || !data) return null;
  const e = selectEnterpriseById(data).get(selection.id);
  if (!e) return null;
  const placement = selectPlacements(data)[data.enterprises.indexOf(e)];
  const firstChain = data.chain.segments.find((s) => s.id === e.segments[0])?.chain;
  const other = lang === 'zh' ? e.name.en : e.name.zh;
  return (
    <Sheet
      className="card enterprise-card"
      testId="enterprise-card"
      dataAttrs={{ 'data-enterprise': e.id }}
      title={pick(lang, e.name)}
      subtitle={other && other !== pick(lang, e.name) ? other : t(lang, 'ent.kind')}
      colour={chainColour(firstChain)}
      onClose={() => select(null)}
      lang={lang}
    >
      <section>
        <h3>{t(lang, 'ent.area')}</h3>
        {e.area ? (
          <AreaChip id={e.area} lang={lang} />
        ) : (
          <p className="muted">{t(lang, 'ent.areaUnknown')}</p>
        )}
      </section>
      <section>
        <h3>{t(lang, 'ent.segments')}</h3>
        {e.segments.length ? (
          <div className="chip-row">
            {e.segments.map((s) => (
              <SegmentChip key={s} id={s} lang={lang} />
            ))}
          </div>
        ) : (
          <p className="muted">{t(lang, 'ent.unclassified')}</p>
        )}
        {e.segmentSource ? (
          <p className="small">
            {t(lang, 'ent.segmentSource')}
            {colon(lang)}
            {e.segmentSource}
          </p>
        ) : null}
      </section>
      {e.products ? (
        <section>
          <h3>{t(lang, 'ent.products')}</h3>
          <p>{e.products}</p>
        </section>
      ) : null}
      <section className={e.precision === 'exact' ? '' : 'approx-note'} data-testid="enterprise-location">
        <h3>{t(lang, 'ent.location')}</h3>
        <p className="approx-badge">{t(lang, `ent.precision.${e.precision}`)}</p>
        {placement?.position ? (
          placement.approximate ? (
            <p>{t(lang, 'ent.approxNote')}</p>
          ) : null
        ) : (
          <p>{t(lang, 'ent.offMap')}</p>
        )}
        {e.address ? (
          <p className="small">
            {t(lang, 'ent.address')}
            {colon(lang)}
            {e.address}
          </p>
        ) : null}
        {e.locationBasis ? (
          <p className="small">
            {t(lang, 'ent.basis')}
            {colon(lang)}
            {e.locationBasis}
          </p>
        ) : null}
      </section>
      <section>
        <h3>{t(lang, 'ent.confidence')}</h3>
        <p>
          <span className={`conf conf-${e.confidence}`}>{t(lang, `conf.${e.confidence}`)}</span>
          {e.confidenceNote && e.confidenceNote !== e.confidence ? (
            <span className="small"> · {e.confidenceNote}</span>
          ) : null}
        </p>
      </section>
      <section data-testid="enterprise-source">
        <h3>{t(lang, 'ent.source')}</h3>
        <p className="small">
          <SourceText text={e.source} />
        </p>
      </section>
    </Sheet>
  );
}
