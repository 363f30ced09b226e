import { describe, expect, it } from 'vitest';
import { parseNevByDistrict } from '../../src/data/chargers';
import {
  checkGoalEntry,
  checkNevEntry,
  type EntryContext,
  findDistrict,
  type GoalForm,
  isFuture,
  normaliseDate,
  parseEnteredCsv,
  parseFigure,
} from '../../src/data/entered';
import { validateGoals } from '../../src/data/goals';
import { loadBundled } from '../../src/data/load-bundled';
import { vehiclesPerCharger } from '../../src/domain/charging';
import { goalsWithEntered, nevWithEntered, unplacedEntered, withEntered } from '../../src/domain/entered';
import { goalProgress } from '../../src/domain/goals';
import { goalsFileText, goalsTemplate, nevFileText, nevTemplate } from '../../src/export/data-files';
import { t } from '../../src/i18n/t';
import { type EnteredStore, enterGoal, enterNev, removeEntered } from '../../src/import/entered-workflow';
import { type EnteredGoal, type EnteredNev, type EnteredValue, isEnteredValue } from '../../src/model';
import { createAppStore } from '../../src/state/store';
import { publicJson, readPublic } from '../fixtures/load';

const FILE = 'data/goals.json';
const TODAY = '2026-12-01';
const NOW = '2026-12-01T09:30:00.000Z';
const DISTRICTS = [
  { adcode: '340602', name_zh: '杜集区', name_en: 'Duji District' },
  { adcode: '340603', name_zh: '相山区', name_en: 'Xiangshan District' },
  { adcode: '340604', name_zh: '烈山区', name_en: 'Lieshan District' },
  { adcode: '340621', name_zh: '濉溪县', name_en: 'Suixi County' },
];
const CODES = new Set(DISTRICTS.map((d) => d.adcode));

async function context(): Promise<EntryContext> {
  const goals = validateGoals(await publicJson(FILE), FILE).value;
  return { goals, districts: DISTRICTS, today: TODAY, now: NOW };
}

const goalForm = (over: Partial<GoalForm> = {}): GoalForm => ({
  goal: 'chargers',
  value: '950',
  asOf: '2025-06',
  source: '市发改委 2025 年中报告',
  note: '',
  ...over,
});

const goalEntry = (over: Partial<EnteredGoal> = {}): EnteredGoal => ({
  kind: 'goal',
  goal: 'chargers',
  value: 950,
  asOf: '2025-06',
  source: '市发改委',
  note: '',
  enteredAt: NOW,
  ...over,
});
const nevEntry = (over: Partial<EnteredNev> = {}): EnteredNev => ({
  kind: 'nev',
  district: '340603',
  value: 3000,
  asOf: '2025-06-30',
  source: '市公安局交警支队',
  enteredAt: NOW,
  ...over,
});

describe('parseFigure, normaliseDate, isFuture', () => {
  it('reads plain decimals and grouped thousands, and nothing else, as numbers', () => {
    expect(parseFigure(' 1900 ')).toBe(1900);
    expect(parseFigure('1,900.5')).toBe(1900.5);
    expect(parseFigure('１９００')).toBe(1900);
    expect(parseFigure('')).toBeNull();
    for (const s of ['abc', '12 辆', '1e3', '0x10', '1,90', '1.2.3', 'Infinity'])
      expect(parseFigure(s), s).toBeNaN();
  });

  it('writes the ways people write a date as YYYY, YYYY-MM or YYYY-MM-DD, and refuses non-dates', () => {
    expect(normaliseDate('2025')).toBe('2025');
    expect(normaliseDate('2025/6')).toBe('2025-06');
    expect(normaliseDate('2025.6.3')).toBe('2025-06-03');
    expect(normaliseDate('2025年6月30日')).toBe('2025-06-30');
    expect(normaliseDate('2025年6月')).toBe('2025-06');
    for (const s of ['2025-02-30', '2025-13', '25-06-30', 'June 2025', '2025-06-30T00:00'])
      expect(normaliseDate(s), s).toBeNull();
  });

  it('calls a date future only when it is after today at its own precision', () => {
    expect(isFuture('2026', TODAY)).toBe(false);
    expect(isFuture('2026-12', TODAY)).toBe(false);
    expect(isFuture('2026-12-02', TODAY)).toBe(true);
    expect(isFuture('2027', TODAY)).toBe(true);
  });
});

describe('checkGoalEntry', () => {
  it('turns a good form into an entry, the date written the standard way', async () => {
    const r = checkGoalEntry(goalForm({ asOf: '2025/6', note: ' 直流和交流 ' }), await context());
    expect(r).toEqual({
      ok: true,
      value: goalEntry({ asOf: '2025-06', source: '市发改委 2025 年中报告', note: '直流和交流' }),
    });
  });

  it('refuses a value that is not a number, a future date and an empty source, each at its field', async () => {
    const r = checkGoalEntry(goalForm({ value: 'abc', asOf: '2027-01', source: '  ' }), await context());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { field: 'value', code: 'entered.problem.notNumber', params: { got: 'abc' } },
      { field: 'asOf', code: 'entered.problem.future', params: { got: '2027-01', today: TODAY } },
      { field: 'source', code: 'entered.problem.noSource' },
    ]);
    // Each reads as a sentence in both languages.
    expect(t('zh', r.problems[1]?.code ?? 'entered.problem.required', r.problems[1]?.params)).toBe(
      '2027-01 晚于今天（2026-12-01），只能填已有的数据',
    );
    expect(t('en', r.problems[0]?.code ?? 'entered.problem.required', r.problems[0]?.params)).toBe(
      '“abc” is not a number',
    );
  });

  it('refuses an empty value, a negative one, a share above 100 % and a goal it does not know', async () => {
    const ctx = await context();
    const codes = (f: Partial<GoalForm>) => {
      const r = checkGoalEntry(goalForm(f), ctx);
      return r.ok ? [] : r.problems.map((p) => `${p.field}:${p.code}`);
    };
    expect(codes({ value: '' })).toEqual(['value:entered.problem.required']);
    expect(codes({ value: '-3' })).toEqual(['value:entered.problem.negative']);
    expect(codes({ goal: 'taxis-nev', value: '120' })).toEqual(['value:entered.problem.overHundred']);
    expect(codes({ goal: 'taxis-nev', value: '100' })).toEqual([]);
    expect(codes({ goal: 'no-such-goal' })).toEqual(['goal:entered.problem.unknownGoal']);
    expect(codes({ asOf: '2025-02-30' })).toEqual(['asOf:entered.problem.badDate']);
    expect(codes({ asOf: '' })).toEqual(['asOf:entered.problem.required']);
    expect(codes({ note: 'x'.repeat(501) })).toEqual(['note:entered.problem.tooLong']);
  });
});

describe('checkNevEntry', () => {
  it('takes a whole number of vehicles with a full date, the district by code or by name', async () => {
    const ctx = await context();
    const form = { district: '340603', value: '3,000', asOf: '2025-06-30', source: '市公安局交警支队' };
    expect(checkNevEntry(form, ctx)).toEqual({ ok: true, value: nevEntry() });
    for (const name of ['相山区', '相山', 'Xiangshan', 'xiangshan district'])
      expect(findDistrict(DISTRICTS, name)?.adcode, name).toBe('340603');
    expect(findDistrict(DISTRICTS, '区')).toBeUndefined();
  });

  it('refuses a fraction of a vehicle, a month without a day, a future day and an unknown district', async () => {
    const r = checkNevEntry(
      { district: '宿州', value: '12.5', asOf: '2025-06', source: 'x' },
      await context(),
    );
    expect(r.ok ? [] : r.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'district:entered.problem.unknownDistrict',
      'value:entered.problem.notInteger',
      'asOf:entered.problem.badDay',
    ]);
    const future = checkNevEntry(
      { district: '340603', value: '1', asOf: '2026-12-02', source: 'x' },
      await context(),
    );
    expect(future.ok ? [] : future.problems.map((p) => p.code)).toEqual(['entered.problem.future']);
  });
});

describe('parseEnteredCsv', () => {
  it('imports the good rows of a goals CSV and reports every other one by line and column', async () => {
    const csv = [
      'goal,value,as_of,source,note',
      'chargers,950,2025-06,市发改委,',
      'revenue,abc,2024,统计公报,',
      'taxis-nev,100,2099,交通局,',
      'auto-shows,2,2024,,',
      'chargers,960,2025-07,另一来源,',
      'innovation-platforms,,,,',
      'nope,1,2024,x,',
    ].join('\n');
    const r = parseEnteredCsv(`\uFEFF${csv}`, 'goal', await context());
    expect(r.values).toEqual([goalEntry({ source: '市发改委' })]);
    expect(r.problems.map((p) => [p.line, p.column, p.code, p.severity])).toEqual([
      [3, 'value', 'entered.problem.notNumber', 'error'],
      [4, 'as_of', 'entered.problem.future', 'error'],
      [5, 'source', 'entered.problem.noSource', 'error'],
      [6, 'goal', 'entered.problem.repeated', 'error'],
      [7, 'value', 'entered.problem.blankRow', 'warning'],
      [8, 'goal', 'entered.problem.unknownGoal', 'error'],
    ]);
    expect(r.problems[3]?.params).toEqual({ first: 2 });
    expect([r.rows, r.rejected, r.blank]).toEqual([7, 5, 1]);
  });

  it('reads Chinese headers and names, ignores (and says so) a column it does not know', async () => {
    const csv = '县区,新能源汽车数量,截至,来源,备注\n相山区,3000,2025/6/30,市公安局交警支队,x\n';
    const r = parseEnteredCsv(csv, 'nev', await context());
    expect(r.values).toEqual([nevEntry()]);
    expect(r.problems).toEqual([
      { line: 1, column: '备注', code: 'entered.problem.unknownColumn', severity: 'warning' },
    ]);
  });

  it('refuses a file without a required column, naming it, and imports nothing from it', async () => {
    const r = parseEnteredCsv('goal,value,source\nchargers,950,x\n', 'goal', await context());
    expect(r.values).toEqual([]);
    expect(r.problems).toEqual([
      { line: 1, column: 'as_of', code: 'entered.problem.missingColumn', severity: 'error' },
    ]);
    const empty = parseEnteredCsv('  \n', 'nev', await context());
    expect(empty.problems.map((p) => p.code)).toEqual(['row.fileEmpty']);
    const headerOnly = parseEnteredCsv('area,nev_count,as_of,source\n', 'nev', await context());
    expect(headerOnly.problems.map((p) => p.code)).toEqual(['entered.problem.noRows']);
  });

  it('imports its own templates once filled in, and the bundled NEV file’s columns', async () => {
    const ctx = await context();
    const goals = goalsTemplate(ctx.goals, 'zh').replace(
      'chargers,全市累计建成充电桩,,,,',
      'chargers,x,950,2025-06,市发改委,',
    );
    const g = parseEnteredCsv(goals, 'goal', ctx);
    expect(g.values).toEqual([goalEntry()]);
    expect(g.blank).toBe(ctx.goals.length - 1);
    expect(g.problems.every((p) => p.severity === 'warning')).toBe(true);
    const nev = nevTemplate(DISTRICTS, 'en').replace(
      'Xiangshan District,,,',
      'Xiangshan District,3000,2025-06-30,市公安局交警支队',
    );
    expect(parseEnteredCsv(nev, 'nev', ctx).values).toEqual([nevEntry()]);
    const bundled = await readPublic('data/nev-by-district.csv');
    const filled = bundled.replace('340603,相山区,,,', '340603,相山区,3000,2025-06-30,市公安局交警支队');
    expect(parseEnteredCsv(filled, 'nev', ctx).values).toEqual([nevEntry()]);
  });
});

describe('entered values joined to the bundled ones', () => {
  it('put a goal’s entered value in place of "not provided", marked, and its progress follows', async () => {
    const { goals } = await context();
    const joined = goalsWithEntered(goals, [goalEntry()]);
    const chargers = joined.find((g) => g.id === 'chargers');
    expect(chargers?.current).toEqual({
      value: 950,
      asOf: '2025-06',
      source: '市发改委',
      illustrative: false,
      enteredAt: NOW,
    });
    if (!chargers) throw new Error('no chargers goal');
    expect(goalProgress(chargers).map((p) => [p.year, p.status, p.share])).toEqual([
      [2025, 'on-track-unknown', 0.5],
      [2027, 'on-track-unknown', 950 / 3600],
    ]);
    // The others are the very same objects.
    expect(joined.filter((g) => g.id !== 'chargers').every((g) => goals.includes(g))).toBe(true);
  });

  it('leave the data object itself alone when nothing was entered', async () => {
    const d = await loadBundled(readPublic);
    expect(withEntered(d, [])).toBe(d);
    const joined = withEntered(d, [nevEntry()]);
    expect(joined).not.toBe(d);
    expect(joined.chargers).toBe(d.chargers);
  });

  it('make the vehicles-per-charger ratio appear for a district with an entered count', async () => {
    const d = await loadBundled(readPublic);
    const nev = nevWithEntered(d.nev, [nevEntry({ value: 3000 })]);
    expect(nev.map((n) => n.nevCount)).toEqual([null, 3000, null, null]);
    expect(nev[1]?.enteredAt).toBe(NOW);
    const sites = d.chargers.filter((c) => c.status === 'operating' && c.district === '340603');
    const r = vehiclesPerCharger(nev[1]?.nevCount ?? null, sites);
    expect(r.points).toBeGreaterThan(0);
    expect(r.ratio).toBeCloseTo(3000 / r.points);
    expect(vehiclesPerCharger(d.nev[1]?.nevCount ?? null, sites).ratio).toBeNull();
  });

  it('add a district the file lacks, and list the entries the data has no place for', () => {
    expect(nevWithEntered([], [nevEntry()]).map((n) => n.district)).toEqual(['340603']);
    const stray: EnteredValue[] = [
      goalEntry({ goal: 'gone' }),
      nevEntry({ district: '999999' }),
      goalEntry(),
    ];
    expect(unplacedEntered(stray, new Set(['chargers']), CODES)).toEqual(stray.slice(0, 2));
  });
});

describe('the exported data files', () => {
  it('goals.json: the bundled file with the entered current values, read back by the app’s own parser', async () => {
    const raw = await publicJson(FILE);
    const planText = await readPublic('data/plan.txt');
    const entered = [
      goalEntry(),
      goalEntry({ goal: 'revenue', value: 52.3, asOf: '2024', note: '统计口径：规上企业' }),
    ];
    const text = goalsFileText(raw, entered);
    expect(text).not.toBeNull();
    expect(text).toMatch(/^\{\n {2}"version": 1,\n/);
    const back = validateGoals(JSON.parse(text ?? ''), FILE, { planText });
    const before = validateGoals(raw, FILE, { planText });
    expect(back.issues).toEqual(before.issues);
    expect(back.value.map((g) => g.id)).toEqual(before.value.map((g) => g.id));
    expect(back.value.find((g) => g.id === 'chargers')?.current).toEqual({
      value: 950,
      asOf: '2025-06',
      source: '市发改委',
      illustrative: false,
    });
    expect(back.value.find((g) => g.id === 'revenue')?.current?.note).toEqual({
      zh: '统计口径：规上企业',
      en: '统计口径：规上企业',
    });
    expect(back.value.filter((g) => g.current !== null)).toHaveLength(2);
    // Everything but the current values is as shipped.
    const strip = (j: unknown) =>
      JSON.stringify({
        ...(j as object),
        goals: (j as { goals: object[] }).goals.map((g) => ({ ...g, current: null })),
      });
    expect(strip(JSON.parse(text ?? ''))).toBe(strip(raw));
    expect(goalsFileText(null, entered)).toBeNull();
  });

  it('nev-by-district.csv: every district, the entered counts filled in, read back by the app’s parser', async () => {
    const d = await loadBundled(readPublic);
    const text = nevFileText(d.nev, DISTRICTS, [nevEntry(), nevEntry({ district: '340621', value: 1200 })]);
    const back = parseNevByDistrict(text, 'data/nev-by-district.csv', CODES);
    expect(back.issues).toEqual([]);
    expect(back.value).toEqual([
      { district: '340602', nevCount: null, asOf: null, source: '' },
      { district: '340603', nevCount: 3000, asOf: '2025-06-30', source: '市公安局交警支队' },
      { district: '340604', nevCount: null, asOf: null, source: '' },
      { district: '340621', nevCount: 1200, asOf: '2025-06-30', source: '市公安局交警支队' },
    ]);
  });
});

describe('saved entries', () => {
  it('read back only in the shape the app writes', () => {
    expect(isEnteredValue(goalEntry())).toBe(true);
    expect(isEnteredValue(nevEntry())).toBe(true);
    expect(isEnteredValue({ ...goalEntry(), value: '950' })).toBe(false);
    expect(isEnteredValue({ ...nevEntry(), source: '' })).toBe(false);
    expect(isEnteredValue({ kind: 'other' })).toBe(false);
  });
});

describe('the entry workflows and the store', () => {
  async function storeWithData() {
    const store = createAppStore('');
    store.getState().dataLoaded(await loadBundled(readPublic));
    return store;
  }

  it('keep nothing when the form has a problem, and show a good value at once in the goals', async () => {
    const store = await storeWithData();
    const get = store.getState as () => EnteredStore;
    const bad = await enterGoal(goalForm({ source: '' }), get);
    expect(bad.ok).toBe(false);
    expect(store.getState().entered).toEqual([]);
    const good = await enterGoal(goalForm(), get, new Date(NOW));
    expect(good.ok).toBe(true);
    expect(store.getState().entered).toHaveLength(1);
    expect(store.getState().data?.goals.find((g) => g.id === 'chargers')?.current?.enteredAt).toBe(NOW);
    // Node has no IndexedDB: the store is told the value could not be kept.
    expect(store.getState().enteredError).not.toBeNull();
    // A second value for the same goal replaces the first.
    await enterGoal(goalForm({ value: '1000' }), get, new Date(NOW));
    expect(store.getState().entered.map((e) => e.value)).toEqual([1000]);
    await removeEntered('goal:chargers', get);
    expect(store.getState().entered).toEqual([]);
    expect(store.getState().data?.goals.find((g) => g.id === 'chargers')?.current).toBeNull();
  });

  it('put an entered NEV count in the data the charging panel reads, and the imports keep it', async () => {
    const store = await storeWithData();
    const get = store.getState as () => EnteredStore;
    const r = await enterNev({ district: '340603', value: '3000', asOf: '2025-06-30', source: 'x' }, get);
    expect(r.ok).toBe(true);
    expect(store.getState().data?.nev.find((n) => n.district === '340603')?.nevCount).toBe(3000);
    store.getState().setImports([]);
    expect(store.getState().data?.nev.find((n) => n.district === '340603')?.nevCount).toBe(3000);
  });

  it('join the saved values given at start', async () => {
    const store = createAppStore('');
    store.getState().dataLoaded(await loadBundled(readPublic), [], [goalEntry()]);
    expect(store.getState().data?.goals.find((g) => g.id === 'chargers')?.current?.value).toBe(950);
    expect(store.getState().bundled?.goals.find((g) => g.id === 'chargers')?.current).toBeNull();
  });
});
