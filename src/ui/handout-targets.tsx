import type { Lang } from '../data/types';
import type { HandoutTargetList } from '../export/handout-page';
import { type MessageKey, t } from '../i18n/t';
import './handout-targets.css';

// The printed columns and their share of the sheet's width: the plan's wording gets the most room.
const COLUMNS: readonly { key: MessageKey | null; width: string }[] = [
  { key: null, width: '5%' },
  { key: 'targets.col.segment', width: '22%' },
  { key: 'targets.col.status', width: '8%' },
  { key: 'targets.col.firms', width: '11%' },
  { key: 'targets.col.areas', width: '17%' },
  { key: 'targets.col.quote', width: '37%' },
];

/**
 * The target list in the printed handout, after the map pages: a table in black on white whose
 * columns wrap their text rather than clip it, with its header row repeated on every sheet.
 */
export function HandoutTargets({ list, lang }: { list: HandoutTargetList; lang: Lang }) {
  return (
    <section className="handout-targets" data-testid="handout-targets" data-lines={list.lines.length}>
      <header className="handout-head">
        <div className="handout-titles">
          <p className="handout-app">{t(lang, 'app.title')}</p>
          <h2 className="handout-heading">{t(lang, 'targets.title')}</h2>
          <p className="handout-layers">
            {list.filter} · {t(lang, 'targets.count', { n: list.lines.length })}
          </p>
        </div>
      </header>
      {list.lines.length === 0 ? (
        <p>{t(lang, 'targets.noMatch')}</p>
      ) : (
        <table className="handout-target-table">
          <colgroup>
            {COLUMNS.map((c) => (
              <col key={c.key ?? 'n'} style={{ width: c.width }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key ?? 'n'} scope="col">
                  {c.key ? t(lang, c.key) : '#'}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.lines.map((l, i) => (
              <tr key={l.id} data-target={l.id}>
                <td>{i + 1}</td>
                <td>
                  <span className="handout-target-name">{l.segment}</span>
                  <span className="handout-target-chain">
                    {l.chain} · {l.stage}
                  </span>
                </td>
                <td>{l.status}</td>
                <td className="num">{l.firms}</td>
                <td>{l.areas}</td>
                <td>
                  {l.quote} <span className="handout-target-section">{l.section}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <footer className="handout-foot">
        <p>{list.rule}</p>
        <p className="handout-date">{list.date}</p>
      </footer>
    </section>
  );
}
