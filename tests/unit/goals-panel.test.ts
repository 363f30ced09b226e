// Plain .ts with createElement: the unit-test glob only picks up *.test.ts, and no DOM is installed.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { validateGoals } from '../../src/data/goals';
import type { Lang } from '../../src/data/types';
import { goalsWithEntered } from '../../src/domain/entered';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { GoalsPanel } from '../../src/ui/goals-panel';
import { publicJson } from '../fixtures/load';

const FILE = 'data/goals.json';

function render(json: unknown, lang: Lang = 'zh'): string {
  const { value, issues } = validateGoals(json, FILE);
  return renderToStaticMarkup(createElement(GoalsPanel, { goals: value, issues, lang }));
}

function oneGoal(current: unknown) {
  return {
    version: 1,
    goals: [
      {
        id: 'chargers',
        name: { zh: '全市累计建成充电桩', en: 'Charging points' },
        unit: { zh: '个', en: 'charging points' },
        direction: 'atLeast',
        targets: [
          { year: 2025, value: 1900 },
          { year: 2027, value: 3600 },
        ],
        planQuote: { zh: '全市累计建成充电桩1900个以上', en: 'at least 1,900 charging points' },
        planSection: '§二',
        current,
      },
    ],
  };
}

describe('GoalsPanel', () => {
  it('shows 未提供 / not provided for a goal without a current value, with the plan quote and targets', async () => {
    const json = await publicJson(FILE);
    const zh = render(json, 'zh');
    // The intro mentions 未提供 too: look for the value slot itself.
    expect(zh).toContain('goal-not-provided">未提供</span>');
    expect(zh).toContain('全市累计建成充电桩1900个以上');
    expect(zh).toContain('≥ 1,900 个');
    expect(zh).toContain('&lt; 2 辆/桩');
    const en = render(json, 'en');
    expect(en).toContain('goal-not-provided">not provided</span>');
    expect(en).toContain('≥ 3,600 charging points');
    expect(en).not.toContain('goal-issues');
  });

  it('shows a current value with its date, its source as a link, and a progress bar', () => {
    const html = render(
      oneGoal({ value: 950, asOf: '2025-06', source: '市发改委 https://example.org/report?a=1&b=2 2025' }),
    );
    expect(html).toContain('950 个');
    expect(html).toContain('截至 2025-06');
    expect(html).toContain('<a href="https://example.org/report?a=1&amp;b=2"');
    expect(html).toContain('>https://example.org/report?a=1&amp;b=2</a>');
    expect(html).toContain('width:50%');
    expect(html).not.toContain('goal-not-provided');
  });

  it('escapes markup in a source and never links a non-http address', () => {
    const html = render(
      oneGoal({ value: 1, asOf: '2025', source: '<img src=x onerror="alert(1)"> javascript:alert(1)' }),
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html).not.toContain('href="javascript');
  });

  it('lists the file’s issues by field, and says a malformed current value is not used', () => {
    const html = render(oneGoal({ value: 1, asOf: '2025/06', source: 'x' }), 'en');
    expect(html).toContain('data-field="current.asOf"');
    // The renderer names the item and the field; the template says why.
    expect(html).toContain('item 1 · field current.asOf: ');
    expect(html).toContain(
      'must be a real date written YYYY, YYYY-MM or YYYY-MM-DD, but is &quot;2025/06&quot;',
    );
    expect(html).toContain('malformed and not used');
    expect(html).not.toContain('goal-not-provided');
  });

  it('labels an illustrative current value', () => {
    const html = render(oneGoal({ value: 10, asOf: '2025', source: 'demo', illustrative: true }));
    expect(html).toContain('示意数据');
  });

  it('marks a value entered on this device, with the day it was entered, and shows the entry buttons only when editable', () => {
    const { value } = validateGoals(oneGoal(null), FILE);
    const goals = goalsWithEntered(value, [
      {
        kind: 'goal',
        goal: 'chargers',
        value: 950,
        asOf: '2025-06',
        source: '<b>市发改委</b>',
        note: '',
        enteredAt: '2026-11-30T10:00:00.000Z',
      },
    ]);
    const html = renderToStaticMarkup(createElement(GoalsPanel, { goals, issues: [], lang: 'zh' }));
    expect(html).toContain('950 个');
    expect(html).toContain('>本机录入</span>');
    expect(html).toContain('本机录入</span><span class="small muted entered-on">（2026-11-30）</span>');
    expect(html).toContain('&lt;b&gt;市发改委&lt;/b&gt;');
    expect(html).toContain('width:50%');
    expect(html).not.toContain('goal-enter');
    const editable = renderToStaticMarkup(
      createElement(GoalsPanel, { goals, issues: [], lang: 'en', editable: true }),
    );
    expect(editable).toContain('>entered locally</span>');
    expect(editable).toContain('Change current value');
    expect(editable).toContain('data-testid="goal-remove"');
    expect(editable).toContain('aria-label="Remove entered value: Charging points"');
    expect(editable).toContain('Import from CSV');
    const bundledOnly = renderToStaticMarkup(
      createElement(GoalsPanel, { goals: value, issues: [], lang: 'zh', editable: true }),
    );
    expect(bundledOnly).toContain('录入现状值');
    expect(bundledOnly).not.toContain('goal-remove');
  });

  it('never tells the user to edit a data file', () => {
    for (const lang of ['zh', 'en'] as const)
      for (const [k, text] of Object.entries(lang === 'zh' ? zh : en))
        expect(text, `${lang} ${k}`).not.toMatch(/data\/[\w-]+\.(json|csv)/);
  });
});
