import { useEffect, useState } from 'react';
import type { Charger } from '../data/chargers';
import type { Lang } from '../data/types';
import {
  type ChargingGoals,
  chargingGoalsOf,
  chargingPoints,
  sitesByDistrict,
  uncoveredTownships,
  vehiclesPerCharger,
} from '../domain/charging';
import { formatNumber, t } from '../i18n/t';
import { selectChargersAsOf, selectCoverage } from '../state/selectors';
import { useAppStore } from '../state/store';
import { AS_OF_RANGE } from '../state/url-hash';
import { Sheet } from './card-parts';
import { ChargerList } from './charger-list';
import { EnteredTag } from './entered-parts';
import { NevEntry } from './nev-entry';

const FIRST_YEAR = 2019;

/** Cumulative charging points at each year-end, with the plan's targets as lines: simple, labelled, printable. */
function ByYearChart({
  years,
  targets,
  lang,
}: {
  years: { year: number; points: number }[];
  targets: ChargingGoals['points'];
  lang: Lang;
}) {
  const max = Math.max(...Object.values(targets), ...years.map((y) => y.points));
  const W = 320;
  const H = 150;
  const barW = W / years.length;
  const y = (v: number) => H - 20 - (v / max) * (H - 30);
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t(lang, 'charging.byYear')}>
      {years.map((d, i) => (
        <g key={d.year}>
          <rect
            x={i * barW + 4}
            y={y(d.points)}
            width={barW - 8}
            height={H - 20 - y(d.points)}
            className="bar"
          />
          <text x={i * barW + barW / 2} y={H - 6} textAnchor="middle" className="axis">
            {d.year}
          </text>
          <text x={i * barW + barW / 2} y={y(d.points) - 3} textAnchor="middle" className="value">
            {d.points}
          </text>
        </g>
      ))}
      {Object.entries(targets).map(([year, target]) => (
        <g key={year}>
          <line x1={0} x2={W} y1={y(target)} y2={y(target)} className="target-line" />
          <text x={2} y={y(target) - 3} textAnchor="start" className="target-label">
            {t(lang, 'charging.target', { year, target: formatNumber(lang, target, 0) })}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** The whole city: a vehicle total only when every district has one, never a partial sum. */
function CityRow({
  lang,
  points,
  nev,
  sites,
}: {
  lang: Lang;
  points: number;
  nev: (number | null)[];
  sites: Charger[];
}) {
  const total =
    nev.length > 0 && nev.every((n) => n !== null) ? nev.reduce<number>((a, n) => a + (n ?? 0), 0) : null;
  const ratio = vehiclesPerCharger(total, sites);
  return (
    <tr className="city-row" data-district="city">
      <th scope="row">{t(lang, 'charging.city')}</th>
      <td>{points}</td>
      <td className={total === null ? 'muted' : ''}>
        {total === null ? t(lang, 'charging.notProvided') : formatNumber(lang, total, 0)}
      </td>
      <td className={ratio.ratio === null ? 'muted' : ''}>
        {ratio.ratio === null ? t(lang, 'charging.notProvided') : `${formatNumber(lang, ratio.ratio, 2)} : 1`}
      </td>
    </tr>
  );
}

// One year per second: slow enough to read the numbers aloud in a briefing.
const PLAY_STEP_MS = 1000;

/** Replays the build-out year by year; a second tap stops it. */
function PlayButton({ lang, from, to }: { lang: Lang; from: number; to: number }) {
  const setCharging = useAppStore((s) => s.setCharging);
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!playing) return;
    let year = from;
    setCharging({ asOfYear: year });
    const timer = setInterval(() => {
      year += 1;
      if (year > to) {
        setCharging({ asOfYear: null });
        setPlaying(false);
      } else setCharging({ asOfYear: year });
    }, PLAY_STEP_MS);
    return () => clearInterval(timer);
  }, [playing, from, to, setCharging]);
  return (
    <button
      type="button"
      className="text-btn"
      data-testid="play-build-out"
      aria-pressed={playing}
      onClick={() => setPlaying(!playing)}
    >
      {t(lang, playing ? 'charging.stop' : 'charging.play')}
    </button>
  );
}

/** Progress against the plan's charger targets, the build-out over time, vehicles per charger, and coverage. */
export function ChargingPanel() {
  const lang = useAppStore((s) => s.lang);
  const panel = useAppStore((s) => s.panel);
  const data = useAppStore((s) => s.data);
  const charging = useAppStore((s) => s.charging);
  const setCharging = useAppStore((s) => s.setCharging);
  const setPanel = useAppStore((s) => s.setPanel);
  const gapsOn = useAppStore((s) => s.visibleLayers.includes('coverage'));
  const toggleLayer = useAppStore((s) => s.toggleLayer);
  if (panel !== 'charging' || !data) return null;
  const thisYear = new Date().getFullYear();
  const lastYear = Math.min(AS_OF_RANGE.max, thisYear);
  const sites = selectChargersAsOf(data, charging.asOfYear);
  const { points } = chargingPoints(sites);
  const years = Array.from({ length: lastYear - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i).map((year) => ({
    year,
    points: chargingPoints(selectChargersAsOf(data, year)).points,
  }));
  // Each district's sites by where they are: its charging points and its ratio count the same sites.
  const byDistrict = sitesByDistrict(sites, data.districts).byDistrict;
  const cov = selectCoverage(data, charging.asOfYear, charging.coverKm);
  const uncovered = uncoveredTownships(sites, data.townshipUnits);
  // Township names have no English form (names stay as written); their district's has one.
  const districtLabel = (code: string, fallback: string | undefined) => {
    const d = data.districts.features.find((f) => f.properties.adcode === code);
    return d ? (lang === 'zh' ? d.properties.name_zh : d.properties.name_en) : (fallback ?? '');
  };
  const sliderValue = charging.asOfYear ?? lastYear + 1;
  const goals = chargingGoalsOf(data.goals);
  const nevProvided = data.districts.features.filter(
    (d) => (data.nev.find((n) => n.district === d.properties.adcode)?.nevCount ?? null) !== null,
  ).length;
  return (
    <Sheet
      className="side-panel charging-panel"
      testId="charging-panel"
      title={t(lang, 'charging.title')}
      onClose={() => setPanel('none')}
      lang={lang}
    >
      <p className="illustrative-banner" data-testid="illustrative-banner">
        {t(lang, 'charging.illustrative')}
      </p>
      <section>
        <h3>
          {t(lang, 'charging.slider')}:{' '}
          <span data-testid="as-of">
            {charging.asOfYear === null
              ? t(lang, 'charging.asOfAll')
              : t(lang, 'charging.asOf', { year: charging.asOfYear })}
          </span>
        </h3>
        <input
          type="range"
          className="slider"
          aria-label={t(lang, 'charging.slider')}
          min={FIRST_YEAR}
          max={lastYear + 1}
          step={1}
          value={sliderValue}
          data-testid="year-slider"
          onChange={(e) => {
            const v = Number(e.target.value);
            setCharging({ asOfYear: v > lastYear ? null : v });
          }}
        />
        <PlayButton lang={lang} from={FIRST_YEAR} to={lastYear} />
        <p className="big-figures">
          <span data-testid="site-count">{t(lang, 'charging.sites', { n: sites.length })}</span> ·{' '}
          <span data-testid="point-count">{t(lang, 'charging.points', { n: points })}</span>
        </p>
        {Object.entries(goals.points).map(([year, target]) => {
          const pct = Math.min(100, Math.round((points / target) * 100));
          return (
            <div key={year} className="progress-row">
              <span className="small">
                {t(lang, 'charging.target', { year, target: formatNumber(lang, target, 0) })}
              </span>
              <span className="progress" aria-hidden="true">
                <span className="progress-fill" style={{ width: `${pct}%` }} />
              </span>
              <span className="small">{t(lang, 'charging.progress', { pct })}</span>
            </div>
          );
        })}
        <ByYearChart years={years} targets={goals.points} lang={lang} />
      </section>
      <section>
        <h3>{t(lang, 'charging.byDistrict')}</h3>
        <table className="data-table">
          <thead>
            <tr>
              <th>{t(lang, 'charging.district')}</th>
              <th>{t(lang, 'charging.pointsHeader')}</th>
              <th>{t(lang, 'charging.nev')}</th>
              <th>{t(lang, 'charging.ratio')}</th>
            </tr>
          </thead>
          <tbody>
            {data.districts.features.map((d) => {
              const code = d.properties.adcode;
              const inDistrict = byDistrict[code] ?? [];
              const count = data.nev.find((n) => n.district === code);
              const nev = count?.nevCount ?? null;
              const ratio = vehiclesPerCharger(nev, inDistrict);
              return (
                <tr key={code} data-district={code}>
                  <td>{lang === 'zh' ? d.properties.name_zh : d.properties.name_en}</td>
                  <td>{chargingPoints(inDistrict).points}</td>
                  <td className={nev === null ? 'muted' : ''}>
                    {nev === null ? t(lang, 'charging.notProvided') : formatNumber(lang, nev, 0)}
                    {nev !== null && count?.enteredAt ? <EnteredTag lang={lang} /> : null}
                  </td>
                  <td className={ratio.ratio === null ? 'muted' : ''}>
                    {ratio.ratio === null
                      ? t(lang, 'charging.notProvided')
                      : `${formatNumber(lang, ratio.ratio, 2)} : 1`}
                  </td>
                </tr>
              );
            })}
            <CityRow lang={lang} points={points} nev={data.nev.map((n) => n.nevCount)} sites={sites} />
          </tbody>
        </table>
        <p className="small muted">
          {t(lang, 'charging.ratioTarget')}
          {lang === 'zh' ? '。' : '. '}
          {nevProvided === 0 ? t(lang, 'charging.nevNote') : null}
          {nevProvided > 0 && nevProvided < data.districts.features.length
            ? t(lang, 'charging.cityNeedsAll')
            : null}
        </p>
        <NevEntry lang={lang} />
      </section>
      <section>
        <h3>{t(lang, 'charging.coverage')}</h3>
        <label className="small" htmlFor="cover-km">
          {t(lang, 'charging.coverKm', { km: charging.coverKm })}
        </label>
        <input
          id="cover-km"
          type="range"
          className="slider"
          min={1}
          max={10}
          step={0.5}
          value={charging.coverKm}
          data-testid="cover-slider"
          onChange={(e) => setCharging({ coverKm: Number(e.target.value) })}
        />
        <p data-testid="cover-share">
          {cov.share === null
            ? ''
            : t(lang, 'charging.coverShare', { pct: Math.round(cov.share * 100), km: charging.coverKm })}
        </p>
        <button
          type="button"
          role="switch"
          aria-checked={gapsOn}
          className={`layer-row ${gapsOn ? 'on' : ''}`}
          onClick={() => toggleLayer('coverage')}
        >
          <span className="check" aria-hidden="true">
            {gapsOn ? (
              <svg viewBox="0 0 24 24" aria-hidden="true">
                <path d="M5 12l5 5 9-10" />
              </svg>
            ) : null}
          </span>
          <span>{t(lang, 'charging.showGaps')}</span>
        </button>
        <h3>{t(lang, 'charging.townships', { n: uncovered.length })}</h3>
        <ul className="plain-list township-list" data-testid="uncovered-townships">
          {uncovered.map((u) => (
            <li key={u.unit.code} data-township={u.unit.code}>
              <span data-name="">{u.unit.name_zh}</span>
              <span className="small muted">
                {' '}
                · {districtLabel(u.unit.district_adcode, u.unit.district_name_zh)}
                {u.quasiZone ? ` · ${t(lang, 'charging.zone')}` : ''}
              </span>
            </li>
          ))}
        </ul>
        <p className="small muted">{t(lang, 'charging.townshipNote')}</p>
      </section>
      <ChargerList sites={sites} data={data} lang={lang} />
    </Sheet>
  );
}
