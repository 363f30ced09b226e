import type { Goal, GoalValue } from '../data/goals';
import type { DataIssue, Lang } from '../data/types';
import { type GoalProgress, type GoalStatus, goalProgress } from '../domain/goals';
import { colon, formatNumber, issueReason, pick, t } from '../i18n/t';
import './goals-panel.css';
import { EnteredMark } from './entered-parts';
import { GoalEntry, GoalsEnteredTools } from './goal-entry';
import { RecordDates } from './record-dates';
import { SourceText } from './source-text';

function num(lang: Lang, n: number): string {
  return formatNumber(lang, n, 2);
}

function withUnit(lang: Lang, goal: Goal, text: string): string {
  const unit = pick(lang, goal.unit);
  return unit ? `${text} ${unit}` : text;
}

/** "≥ 1,900 个", "< 2 辆/桩", or the plan's own range "2–3 家". */
function targetText(lang: Lang, goal: Goal, target: GoalValue): string {
  if (target.max !== undefined)
    return withUnit(lang, goal, `${num(lang, target.value)}–${num(lang, target.max)}`);
  const sign = goal.direction === 'atLeast' ? (goal.strict ? '>' : '≥') : goal.strict ? '<' : '≤';
  return withUnit(lang, goal, `${sign} ${num(lang, target.value)}`);
}

function StatusTag({ status, lang }: { status: GoalStatus; lang: Lang }) {
  return (
    <span className={`goal-status goal-status-${status}`} data-status={status}>
      {t(lang, `goals.status.${status}`)}
    </span>
  );
}

function TargetRow({ goal, p, lang }: { goal: Goal; p: GoalProgress; lang: Lang }) {
  const pct = p.share === null ? null : Math.round(p.share * 100);
  return (
    <li className="goal-target" data-year={p.year}>
      <span className="goal-target-year">
        {t(lang, 'goals.target', { year: p.year })}
        {goal.everyYear ? <span className="small muted"> ({t(lang, 'goals.everyYear')})</span> : null}
      </span>
      <span className="goal-target-value">{targetText(lang, goal, p.target)}</span>
      <StatusTag status={p.status} lang={lang} />
      {pct === null ? null : (
        <span className="goal-progress">
          <span className="progress" aria-hidden="true">
            <span className="progress-fill" style={{ width: `${pct}%` }} />
          </span>
          <span className="small">{t(lang, 'goals.share', { pct })}</span>
        </span>
      )}
    </li>
  );
}

function CurrentValue({ goal, lang }: { goal: Goal; lang: Lang }) {
  const c = goal.current;
  return (
    <div className="goal-current" data-testid="goal-current">
      <span className="goal-label">
        {t(lang, 'goals.current')}
        {colon(lang)}
      </span>
      {c ? (
        <>
          <strong className="goal-current-value">{withUnit(lang, goal, num(lang, c.value))}</strong>
          {c.illustrative ? <span className="goal-illustrative">{t(lang, 'goals.illustrative')}</span> : null}
          <span className="small"> · {t(lang, 'goals.asOf', { date: c.asOf })}</span>
          {c.enteredAt ? <EnteredMark enteredAt={c.enteredAt} lang={lang} /> : null}
          <p className="goal-source small">
            {t(lang, 'goals.source')}
            {colon(lang)}
            <SourceText text={c.source} />
          </p>
          {c.note ? <p className="small muted goal-current-note">{pick(lang, c.note)}</p> : null}
        </>
      ) : goal.currentInvalid ? (
        <span className="goal-invalid">{t(lang, 'goals.currentInvalid')}</span>
      ) : (
        <span className="muted goal-not-provided">{t(lang, 'goals.notProvided')}</span>
      )}
    </div>
  );
}

function GoalItem({
  goal,
  issueCount,
  lang,
  editable,
}: {
  goal: Goal;
  issueCount: number;
  lang: Lang;
  editable: boolean;
}) {
  const progress = goalProgress(goal);
  return (
    <li className="goal" data-goal={goal.id}>
      <h3 className="goal-name">{pick(lang, goal.name)}</h3>
      {issueCount > 0 ? (
        <p className="goal-issue-flag small">{t(lang, 'goals.goalIssues', { n: issueCount })}</p>
      ) : null}
      <ul className="plain-list goal-targets">
        {progress.map((p) => (
          <TargetRow key={p.year} goal={goal} p={p} lang={lang} />
        ))}
      </ul>
      <CurrentValue goal={goal} lang={lang} />
      {editable ? <GoalEntry goal={goal} lang={lang} /> : null}
      {goal.planQuote ? (
        <figure className="goal-quote">
          <blockquote lang={lang === 'zh' ? 'zh-CN' : 'en'}>{pick(lang, goal.planQuote)}</blockquote>
          {lang === 'en' ? (
            <p className="small muted goal-original" lang="zh-CN">
              {t(lang, 'goals.original')}
              {colon(lang)}
              {goal.planQuote.zh}
            </p>
          ) : null}
          <figcaption className="plan-source small">
            {t(lang, 'goals.planSection')}
            {colon(lang)}
            <span className="plan-section">{goal.planSection ?? '—'}</span>
          </figcaption>
          <RecordDates sourceDate={goal.sourceDate ?? ''} checked={goal.checked ?? ''} lang={lang} policy />
        </figure>
      ) : (
        <p className="small muted">{t(lang, 'goals.noQuote')}</p>
      )}
      {goal.note ? (
        <p className="small muted goal-note">
          {t(lang, 'goals.note')}
          {colon(lang)}
          {pick(lang, goal.note)}
        </p>
      ) : null}
    </li>
  );
}

/**
 * The plan's numeric goals for 2025 and 2027 with their current values, sources and dates, or
 * "not provided"; the plan's own words for each; and every problem found in the goals file.
 * Prop-driven so the app decides where it sits (e.g. inside a Sheet titled t('goals.title')).
 * `editable`: with the forms to enter current values on this device, the CSV import and the export.
 */
export function GoalsPanel({
  goals,
  issues,
  lang,
  editable = false,
}: {
  goals: Goal[];
  issues: DataIssue[];
  lang: Lang;
  editable?: boolean;
}) {
  const withCurrent = goals.filter((g) => g.current !== null).length;
  return (
    <div className="goals-panel" data-testid="goals-panel">
      <p className="small muted goals-intro">{t(lang, 'goals.intro')}</p>
      <p className="goals-summary">{t(lang, 'goals.summary', { n: goals.length, k: withCurrent })}</p>
      {editable ? <GoalsEnteredTools goals={goals} lang={lang} /> : null}
      {issues.length > 0 ? (
        <section className="goal-issues" data-testid="goal-issues">
          <h3>{t(lang, 'goals.issues', { n: issues.length })}</h3>
          <ul className="goal-issue-list">
            {issues.map((issue, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity beyond their position
              <li key={n} data-field={issue.field}>
                <span className={`goal-severity goal-severity-${issue.severity}`}>
                  {t(lang, `goals.severity.${issue.severity}`)}
                </span>{' '}
                <code>{issue.file}</code>
                {issue.row !== undefined ? ` · ${t(lang, 'issues.item', { n: issue.row + 1 })}` : ''}
                {issue.field ? ` · ${t(lang, 'issues.field')} ${issue.field}` : ''}
                {colon(lang)}
                {issueReason(lang, issue)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {goals.length === 0 ? <p className="muted">{t(lang, 'goals.none')}</p> : null}
      <ol className="plain-list goal-list">
        {goals.map((g) => (
          <GoalItem
            key={g.id}
            goal={g}
            issueCount={issues.filter((i) => i.row === g.row).length}
            lang={lang}
            editable={editable}
          />
        ))}
      </ol>
    </div>
  );
}
