import { splitSources } from '../domain/sources';
import { firmName } from '../export/card-text';
import { colon, pick, t } from '../i18n/t';
import { chainColour } from '../layers/palette';
import { selectEnterpriseById, selectPlacements } from '../state/selectors';
import { useAppStore } from '../state/store';
import { AreaChip, SegmentChip, Sheet } from './card-parts';
import { RecordDates } from './record-dates';
import { SourceText } from './source-text';

/**
 * The selected firm, as a visitor reads it: what it makes, where it is, where it stands, and how
 * recent its source is. The research notes (the sources' own wording, how the location and the
 * confidence were judged) sit in a closed "Sources and basis" section.
 */
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
  // A name is shown in English only when there is an English name; the Chinese one is the firm's own.
  const title = firmName(lang, e);
  const other = title === e.name.zh ? (lang === 'en' ? '' : e.name.en) : e.name.zh;
  const products = pick(lang, e.productLine);
  const sources = splitSources(e.source);
  const label = (key: Parameters<typeof t>[1], value: string) =>
    value ? (
      <p className="small">
        <span className="muted">
          {t(lang, key)}
          {colon(lang)}
        </span>
        {value}
      </p>
    ) : null;
  return (
    <Sheet
      className="card enterprise-card"
      testId="enterprise-card"
      dataAttrs={{ 'data-enterprise': e.id }}
      title={<span data-name="">{title}</span>}
      subtitle={other && other !== title ? <span data-name="">{other}</span> : t(lang, 'ent.kind')}
      colour={chainColour(firstChain)}
      onClose={() => select(null)}
      lang={lang}
    >
      <p className="ent-status">
        <span className={`status-pill firm-${e.status}`} data-testid="enterprise-status">
          {t(lang, `ent.status.${e.status}`)}
        </span>
      </p>
      <section data-testid="enterprise-products">
        <h3>{t(lang, 'ent.products')}</h3>
        <p>{products || <span className="muted">{t(lang, 'ent.productsNotStated')}</span>}</p>
      </section>
      <section data-testid="enterprise-location">
        <h3>{t(lang, 'ent.area')}</h3>
        {e.area ? (
          <div className="chip-row">
            <AreaChip id={e.area} lang={lang} />
          </div>
        ) : (
          <p className="muted">{t(lang, 'ent.areaUnknown')}</p>
        )}
        <p className={e.precision === 'exact' ? 'small' : 'small approx-note'}>
          {t(lang, `ent.where.${e.precision}`)}
          {placement?.position
            ? placement.approximate
              ? ` ${t(lang, 'ent.approxNote')}`
              : ''
            : ` ${t(lang, 'ent.offMap')}`}
        </p>
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
      </section>
      <section data-testid="enterprise-source">
        <h3>{t(lang, 'ent.source')}</h3>
        <p>
          {sources.length === 0
            ? t(lang, 'ent.noSource')
            : // The date is on the line below, with the day it was checked (issue 14).
              t(lang, 'ent.sourcesUndated', { n: sources.length })}
          {' · '}
          {t(lang, 'ent.confidence')}
          {colon(lang)}
          <span className={`conf conf-${e.confidence}`}>{t(lang, `conf.${e.confidence}`)}</span>
        </p>
        <RecordDates sourceDate={e.sourceDate} checked={e.checked ?? ''} lang={lang} />
      </section>
      <details className="ent-basis" data-testid="enterprise-basis">
        <summary>{t(lang, 'ent.basisSection')}</summary>
        <p className="small muted">{t(lang, 'ent.basisIntro')}</p>
        {sources.length ? (
          <ol className="source-list small">
            {sources.map((s) => (
              <li key={s}>
                <SourceText text={s} />
              </li>
            ))}
          </ol>
        ) : null}
        {label('ent.segmentSource', e.segmentSource)}
        {label('ent.productsNote', e.products)}
        {label('ent.address', e.address)}
        {label('ent.basis', e.locationBasis)}
        {e.confidenceNote && e.confidenceNote !== e.confidence
          ? label('ent.confidenceNote', e.confidenceNote)
          : null}
        {label('ent.nameNote', e.nameNote)}
      </details>
    </Sheet>
  );
}
