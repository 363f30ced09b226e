import { describe, expect, it } from 'vitest';
import { type Goal, parseAsOf, validateGoals } from '../../src/data/goals';
import type { DataIssue } from '../../src/data/types';
import { goalProgress } from '../../src/domain/goals';
import { issueReason } from '../../src/i18n/t';
import { publicJson, readPublic } from '../fixtures/load';

const FILE = 'data/goals.json';

async function bundled() {
  const json = await publicJson(FILE);
  const plan = await readPublic('data/plan.txt');
  return { json, plan, result: validateGoals(json, FILE, { planText: plan }) };
}

/** A minimal valid file with one goal, overridden field by field. */
function fileWith(goal: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    version: 1,
    goals: [
      {
        id: 'chargers',
        name: { zh: '充电桩', en: 'Charging points' },
        unit: { zh: '个', en: 'points' },
        direction: 'atLeast',
        targets: [
          { year: 2025, value: 1900 },
          { year: 2027, value: 3600 },
        ],
        planQuote: { zh: '全市累计建成充电桩1900个以上', en: 'at least 1,900 charging points' },
        planSection: '§二',
        current: null,
        ...goal,
      },
    ],
    ...extra,
  };
}

function issueFor(issues: DataIssue[], field: string): DataIssue {
  const found = issues.find((i) => i.field === field);
  expect(found, `an issue for ${field} in ${JSON.stringify(issues.map((i) => i.field))}`).toBeDefined();
  return found as DataIssue;
}

/**
 * Names the goal (its 0-based item; the panel shows it 1-based) and the field, with a code whose
 * template is filled in both languages. The location is the renderer's, not the sentence's.
 */
function expectNamed(issue: DataIssue, field: string) {
  expect(issue.row).toBe(0);
  expect(issue.field).toBe(field);
  expect(issue.code).toBeDefined();
  for (const lang of ['zh', 'en'] as const) {
    const text = issueReason(lang, issue);
    expect(text).not.toBe('');
    expect(text).not.toMatch(/\{\w+\}/);
  }
}

/** A goal left out says so, on its item. */
function expectNotShown(issues: DataIssue[], row = 0) {
  expect(issues).toContainEqual(expect.objectContaining({ row, code: 'item.notShown' }));
}

function goal(over: Partial<Goal>): Goal {
  return {
    id: 'g',
    row: 0,
    name: { zh: '目标', en: 'goal' },
    unit: { zh: '个', en: 'items' },
    direction: 'atLeast',
    strict: false,
    measure: 'stock',
    everyYear: false,
    targets: [
      { year: 2025, value: 100 },
      { year: 2027, value: 200 },
    ],
    planQuote: null,
    planSection: null,
    note: null,
    current: null,
    currentInvalid: false,
    ...over,
  };
}

const cur = (value: number, asOf: string) => ({ value, asOf, source: 'test', illustrative: false });

describe('the bundled goals file', () => {
  it('validates with zero issues', async () => {
    const { result } = await bundled();
    expect(result.issues).toEqual([]);
    expect(result.value.length).toBeGreaterThanOrEqual(10);
  });

  it('quotes the plan word for word in every goal', async () => {
    const { json, plan, result } = await bundled();
    const raw = (json as { goals: { planQuote: { zh: string } }[] }).goals;
    expect(raw.length).toBe(result.value.length);
    for (const g of raw) expect(plan).toContain(g.planQuote.zh);
    for (const g of result.value) {
      expect(g.planQuote, g.id).not.toBeNull();
      expect(g.planSection, g.id).toMatch(/^§/);
    }
  });

  it('has the plan charger targets: 1,900 by 2025 and 3,600 by 2027', async () => {
    const { result } = await bundled();
    const chargers = result.value.find((g) => g.id === 'chargers');
    expect(chargers?.direction).toBe('atLeast');
    expect(chargers?.targets).toEqual([
      { year: 2025, value: 1900 },
      { year: 2027, value: 3600 },
    ]);
    const ratio = result.value.find((g) => g.id === 'vehicles-per-charger');
    expect(ratio?.direction).toBe('atMost');
    expect(ratio?.strict).toBe(true);
    expect(ratio?.targets.map((t) => t.value)).toEqual([2, 1.5]);
  });

  it('has the other goals the brief names, with the plan figures', async () => {
    const { result } = await bundled();
    const byId = new Map(result.value.map((g) => [g.id, g.targets.map((t) => [t.year, t.value, t.max])]));
    expect(byId.get('revenue')).toEqual([
      [2025, 60, undefined],
      [2027, 80, undefined],
    ]);
    expect(byId.get('parts-exports')).toEqual([
      [2025, 7, undefined],
      [2027, 10, undefined],
    ]);
    expect(byId.get('innovation-platforms')).toEqual([[2027, 4, undefined]]);
    expect(byId.get('listing-pipeline')).toEqual([
      [2025, 4, undefined],
      [2027, 7, undefined],
    ]);
    expect(byId.get('parts-firms-5bn')).toEqual([
      [2025, 1, undefined],
      [2027, 2, 3],
    ]);
    expect(byId.get('talent-teams')).toEqual([
      [2025, 1, undefined],
      [2027, 2, undefined],
    ]);
  });

  it('invents no current value: none was found in the research, so every goal shows no data', async () => {
    const { result } = await bundled();
    for (const g of result.value) {
      expect(g.current, g.id).toBeNull();
      expect(g.currentInvalid).toBe(false);
      for (const p of goalProgress(g)) expect(p.status).toBe('no-data');
    }
  });
});

describe('validateGoals on malformed files', () => {
  it('accepts the minimal valid file', () => {
    const r = validateGoals(fileWith({}), FILE);
    expect(r.issues).toEqual([]);
    expect(r.value).toHaveLength(1);
  });

  it('never throws, whatever the input', () => {
    for (const bad of [
      null,
      undefined,
      42,
      'x',
      [],
      {},
      { goals: 'x' },
      { version: 1, goals: [null, 3, []] },
    ]) {
      const r = validateGoals(bad, FILE);
      expect(r.value).toEqual([]);
      expect(r.issues.length).toBeGreaterThan(0);
    }
  });

  it('reports a wrong or missing version and keeps reading', () => {
    const r = validateGoals({ ...fileWith({}), version: 2 }, FILE);
    expect(issueFor(r.issues, 'version')).toMatchObject({
      code: 'version.readAnyway',
      params: { expected: 1, got: '2' },
    });
    expect(issueReason('en', issueFor(r.issues, 'version'))).toContain('is 2');
    expect(r.value).toHaveLength(1);
    const { version: _v, ...noVersion } = fileWith({});
    expect(issueFor(validateGoals(noVersion, FILE).issues, 'version').code).toBe('version.missing');
  });

  it('skips a goal with an unknown direction, naming the goal and field', () => {
    const r = validateGoals(fileWith({ direction: 'upwards' }), FILE);
    expect(r.value).toEqual([]);
    const issue = issueFor(r.issues, 'direction');
    expectNamed(issue, 'direction');
    expect(issueReason('en', issue)).toContain('"upwards"');
    expectNotShown(r.issues);
  });

  it('keeps a goal whose name is missing, shown by its id', () => {
    const r = validateGoals(fileWith({ name: undefined }), FILE);
    expectNamed(issueFor(r.issues, 'name'), 'name');
    expect(r.value[0]?.name).toEqual({ zh: 'chargers', en: 'chargers' });
    expect(r.issues.find((i) => i.code === 'field.defaultedTo')).toMatchObject({
      field: 'name',
      params: { value: 'chargers' },
    });
  });

  it('reports a name with one language only', () => {
    const r = validateGoals(fileWith({ name: { zh: '充电桩' } }), FILE);
    expectNamed(issueFor(r.issues, 'name'), 'name');
  });

  it('drops a target whose year is not a number, and keeps the rest', () => {
    const r = validateGoals(
      fileWith({
        targets: [
          { year: '2025', value: 1900 },
          { year: 2027, value: 3600 },
        ],
      }),
      FILE,
    );
    expectNamed(issueFor(r.issues, 'targets[0].year'), 'targets[0].year');
    expect(r.value[0]?.targets).toEqual([{ year: 2027, value: 3600 }]);
  });

  it('reports a target value of the wrong type, a duplicate year and a bad range top', () => {
    const r = validateGoals(
      fileWith({
        targets: [
          { year: 2025, value: '1900' },
          { year: 2027, value: 3600, max: 100 },
          { year: 2027, value: 1 },
        ],
      }),
      FILE,
    );
    expectNamed(issueFor(r.issues, 'targets[0].value'), 'targets[0].value');
    expectNamed(issueFor(r.issues, 'targets[1].max'), 'targets[1].max');
    expectNamed(issueFor(r.issues, 'targets[2].year'), 'targets[2].year');
    expect(r.value[0]?.targets).toEqual([{ year: 2027, value: 3600 }]);
  });

  it('skips a goal with no usable target, saying so', () => {
    const r = validateGoals(fileWith({ targets: 'lots' }), FILE);
    expect(r.value).toEqual([]);
    expectNotShown(r.issues);
    expectNamed(issueFor(r.issues, 'targets'), 'targets');
  });

  it('rejects a bad date, keeps the goal, and marks its current value invalid (not "not provided")', () => {
    for (const asOf of ['2025/06', '2025-13', '2025-02-30', '25', 2025]) {
      const r = validateGoals(fileWith({ current: { value: 1200, asOf, source: 'x' } }), FILE);
      expectNamed(issueFor(r.issues, 'current.asOf'), 'current.asOf');
      expect(r.value[0]?.current).toBeNull();
      expect(r.value[0]?.currentInvalid).toBe(true);
    }
  });

  it('requires a number and a source for a current value', () => {
    const a = validateGoals(fileWith({ current: { value: '1200', asOf: '2025', source: 'x' } }), FILE);
    expectNamed(issueFor(a.issues, 'current.value'), 'current.value');
    const b = validateGoals(fileWith({ current: { value: 1200, asOf: '2025' } }), FILE);
    expectNamed(issueFor(b.issues, 'current.source'), 'current.source');
    expect(b.value[0]?.currentInvalid).toBe(true);
    const c = validateGoals(fileWith({ current: 1200 }), FILE);
    expectNamed(issueFor(c.issues, 'current'), 'current');
  });

  it('reads a full current value, and a non-boolean illustrative flag as illustrative', () => {
    const r = validateGoals(
      fileWith({
        current: {
          value: 1200,
          asOf: '2024-12-31',
          source: 'https://example.org/a',
          note: '口径',
          illustrative: 'yes',
        },
      }),
      FILE,
    );
    expectNamed(issueFor(r.issues, 'current.illustrative'), 'current.illustrative');
    expect(r.value[0]?.current).toEqual({
      value: 1200,
      asOf: '2024-12-31',
      source: 'https://example.org/a',
      note: { zh: '口径', en: '口径' },
      illustrative: true,
    });
  });

  it('warns about markup in a source and about unknown fields, without dropping anything', () => {
    const r = validateGoals(
      fileWith({ asof: '2025', current: { value: 1, asOf: '2025', source: '<img src=x onerror=alert(1)>' } }),
      FILE,
    );
    expect(issueFor(r.issues, 'current.source').severity).toBe('warning');
    expect(issueFor(r.issues, 'asof').severity).toBe('warning');
    expect(r.value[0]?.current?.source).toBe('<img src=x onerror=alert(1)>');
  });

  it('skips a duplicate id and a bad id, each with an issue', () => {
    const base = fileWith({});
    const first = base.goals[0] as Record<string, unknown>;
    const r = validateGoals({ version: 1, goals: [first, first, { ...first, id: 'Bad Id!' }] }, FILE);
    expect(r.value).toHaveLength(1);
    const ids = r.issues.filter((i) => i.field === 'id');
    expect(ids.map((i) => i.row)).toEqual([1, 2]);
    expect(ids[1] ? issueReason('en', ids[1]) : undefined).toContain('Bad Id!');
  });

  it('with the plan text, drops a quote that is not word for word in it', () => {
    const r = validateGoals(fileWith({ planQuote: { zh: '充电桩一万个', en: 'x' } }), FILE, {
      planText: '全市累计建成充电桩1900个以上',
    });
    expectNamed(issueFor(r.issues, 'planQuote.zh'), 'planQuote.zh');
    expect(r.value[0]?.planQuote).toBeNull();
  });

  it('reports a wrongly typed strict or measure and reads the default', () => {
    const r = validateGoals(fileWith({ strict: 'yes', measure: 'yearly' }), FILE);
    expectNamed(issueFor(r.issues, 'strict'), 'strict');
    expectNamed(issueFor(r.issues, 'measure'), 'measure');
    expect(r.value[0]?.strict).toBe(false);
    expect(r.value[0]?.measure).toBe('stock');
    // Each fallback is said on its field, with the value used instead.
    expect(
      r.issues.filter((i) => i.code === 'field.defaultedTo').map((i) => [i.field, i.params?.value]),
    ).toEqual([
      ['strict', 'false'],
      ['measure', 'stock'],
    ]);
  });
});

describe('parseAsOf', () => {
  it('reads year, month and day, and rejects impossible dates', () => {
    expect(parseAsOf('2025')).toEqual({ year: 2025 });
    expect(parseAsOf('2025-06')).toEqual({ year: 2025, month: 6 });
    expect(parseAsOf('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const s of ['2025-02-29', '2025-00', '2025-6', '20250601', '1999', '2025-06-31', ' 2025']) {
      expect(parseAsOf(s), s).toBeNull();
    }
  });
});

describe('goalProgress', () => {
  it('gives no data for every target when there is no current value', () => {
    expect(goalProgress(goal({})).map((p) => [p.year, p.status, p.share])).toEqual([
      [2025, 'no-data', null],
      [2027, 'no-data', null],
    ]);
  });

  it('atLeast: met, too early to tell, or not met once the deadline has passed', () => {
    const early = goalProgress(goal({ current: cur(150, '2025-06') }));
    expect(early.map((p) => [p.status, p.share])).toEqual([
      ['met', 1],
      ['on-track-unknown', 0.75],
    ]);
    const late = goalProgress(goal({ current: cur(50, '2026-03') }));
    expect(late.map((p) => p.status)).toEqual(['not-met', 'on-track-unknown']);
    expect(late[0]?.share).toBe(0.5);
    // A stock dated only by its year could be from any day of it: not yet final for that year.
    expect(goalProgress(goal({ current: cur(50, '2025') }))[0]?.status).toBe('on-track-unknown');
    expect(goalProgress(goal({ current: cur(50, '2025-12-31') }))[0]?.status).toBe('not-met');
    expect(goalProgress(goal({ current: cur(100, '2025') }))[0]?.status).toBe('met');
  });

  it('atMost: lower is better, "below" is strict, and a share is not claimed', () => {
    const ratio = goal({
      direction: 'atMost',
      strict: true,
      targets: [
        { year: 2025, value: 2 },
        { year: 2027, value: 1.5 },
      ],
    });
    expect(goalProgress({ ...ratio, current: cur(1.8, '2025-12') }).map((p) => [p.status, p.share])).toEqual([
      ['met', null],
      ['on-track-unknown', null],
    ]);
    expect(goalProgress({ ...ratio, current: cur(2, '2025-12') })[0]?.status).toBe('not-met');
    expect(goalProgress({ ...ratio, current: cur(2, '2025-12'), strict: false })[0]?.status).toBe('met');
    expect(goalProgress({ ...ratio, current: cur(1.2, '2024') }).map((p) => p.status)).toEqual([
      'met',
      'met',
    ]);
  });

  it('flow: only the target year’s own figure settles that year', () => {
    const revenue = goal({ measure: 'flow', targets: [{ year: 2025, value: 60 }] });
    expect(goalProgress({ ...revenue, current: cur(70, '2024') })[0]).toMatchObject({
      status: 'on-track-unknown',
      share: 1,
    });
    expect(goalProgress({ ...revenue, current: cur(55, '2025') })[0]?.status).toBe('not-met');
    expect(goalProgress({ ...revenue, current: cur(30, '2025-06') })[0]?.status).toBe('on-track-unknown');
    expect(goalProgress({ ...revenue, current: cur(61, '2025') })[0]?.status).toBe('met');
    expect(goalProgress({ ...revenue, current: cur(90, '2026') })[0]).toMatchObject({
      status: 'no-data',
      share: null,
    });
  });

  it('clamps the share to 0..1', () => {
    expect(goalProgress(goal({ current: cur(1000, '2025') }))[0]?.share).toBe(1);
    expect(goalProgress(goal({ current: cur(0, '2025') }))[0]?.share).toBe(0);
  });
});
