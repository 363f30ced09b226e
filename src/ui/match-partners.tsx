import type { BundledData } from '../data/load-bundled';
import type { Lang } from '../data/types';
import type { AreaMatch, Partner, PartnerRole } from '../domain/match';
import { matchNamesOf, partnerWhere } from '../i18n/match-explain';
import { formatNumber, pick, t } from '../i18n/t';
import { PARTNER_ROLES, ROLE_DASH } from '../layers/match-layer';
import { PARTNER_ROLE_COLOURS } from '../layers/palette';
import { selectEnterpriseByKey } from '../state/selectors';
import { EnterpriseLink } from './card-parts';

const ROLE_KEY = {
  peer: 'match.role.peer',
  supplier: 'match.role.supplier',
  customer: 'match.role.customer',
} as const satisfies Record<PartnerRole, string>;

// The sample line's width: the map's dashes are in line widths, so they scale by it.
const LINE_WIDTH = 3;

/** A short sample of the role's line as the map draws it (colour and dash), for the list headings. */
function RoleLine({ role }: { role: PartnerRole }) {
  return (
    <svg className="role-line" viewBox="0 0 28 10" aria-hidden="true">
      <line
        x1="2"
        y1="5"
        x2="26"
        y2="5"
        stroke={PARTNER_ROLE_COLOURS[role]}
        strokeWidth={LINE_WIDTH}
        strokeDasharray={ROLE_DASH[role]?.map((d) => d * LINE_WIDTH).join(' ')}
        strokeLinecap={role === 'peer' ? 'round' : 'butt'}
      />
    </svg>
  );
}

/** A distance as the panel writes it. */
export const kmLabel = (lang: Lang, n: number) => t(lang, 'match.km', { km: formatNumber(lang, n, 1) });

function partnersByRole(a: AreaMatch, role: PartnerRole): Partner[] {
  return role === 'peer' ? a.peers : role === 'supplier' ? a.suppliers : a.customers;
}

/** An area's partners by role, each with its name, distance and whether its position is approximate. */
export function Partners({
  area,
  radiusKm,
  data,
  lang,
  segName,
}: {
  area: AreaMatch;
  radiusKm: number;
  data: BundledData;
  lang: Lang;
  segName: (id: string) => string;
}) {
  const byKey = selectEnterpriseByKey(data);
  const names = matchNamesOf(data);
  return (
    <section className="match-partners">
      <h4>
        {t(lang, 'match.partners', { area: pick(lang, area.name), km: formatNumber(lang, radiusKm, 1) })}
      </h4>
      {PARTNER_ROLES.map((role) => {
        const ps = partnersByRole(area, role);
        return (
          <div key={role} className="match-role" data-role={role} data-count={ps.length}>
            <h5>
              <RoleLine role={role} />
              {t(lang, ROLE_KEY[role])} · {ps.length}
            </h5>
            {ps.length ? (
              <ul className="plain-list match-partner-list">
                {ps.map((p) => {
                  const e = byKey.get(p.enterpriseKey);
                  return (
                    <li key={p.enterpriseKey} data-partner={p.enterpriseKey}>
                      {e ? <EnterpriseLink firm={e} lang={lang} /> : <span>{p.enterpriseKey}</span>}
                      <span className="match-partner-meta">
                        {role === 'peer' ? null : <span>{segName(p.segment)}</span>}
                        {p.distanceKm !== null ? (
                          <span className="match-km" data-km={p.distanceKm}>
                            {kmLabel(lang, p.distanceKm)}
                          </span>
                        ) : null}
                        <span className="match-flag" data-where={p.where}>
                          {partnerWhere(lang, names, p)}
                        </span>
                      </span>
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="small muted match-none">{t(lang, 'match.noPartner')}</p>
            )}
          </div>
        );
      })}
    </section>
  );
}
