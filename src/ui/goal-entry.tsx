import { useRef, useState } from 'react';
import { MAX_TEXT } from '../data/entered';
import type { Goal } from '../data/goals';
import type { Lang } from '../data/types';
import { unplacedEntered } from '../domain/entered';
import { pick, t } from '../i18n/t';
import { enterGoal, removeEntered } from '../import/entered-workflow';
import { enteredKey } from '../model/entered';
import { useAppStore } from '../state/store';
import {
  EnteredFiles,
  EnteredStorageNotice,
  EntryForm,
  Field,
  RemoveButton,
  SourceField,
  useEntryForm,
} from './entered-parts';

/** The form for one goal's current value, filled with the value shown now (if any) to change it. */
function GoalForm({ goal, lang, onDone }: { goal: Goal; lang: Lang; onDone: () => void }) {
  const c = goal.current;
  const id = `goal-form-${goal.id}`;
  const { bind, problems, onSubmit } = useEntryForm(
    id,
    {
      goal: goal.id,
      value: c ? String(c.value) : '',
      asOf: c?.asOf ?? '',
      source: c?.source ?? '',
      note: c?.note ? pick(lang, c.note) : '',
    },
    (f) => enterGoal(f, useAppStore.getState),
    onDone,
  );
  return (
    <EntryForm
      id={id}
      title={t(lang, 'goals.formTitle', { name: pick(lang, goal.name) })}
      lang={lang}
      problems={problems}
      onSubmit={onSubmit}
      onCancel={onDone}
    >
      <Field
        {...bind('value')}
        lang={lang}
        label={t(lang, 'entered.value', { unit: pick(lang, goal.unit) })}
        inputMode="decimal"
      />
      <Field
        {...bind('asOf')}
        lang={lang}
        label={t(lang, 'entered.asOf')}
        hint={t(lang, goal.measure === 'flow' ? 'goals.asOfHint.flow' : 'goals.asOfHint.stock')}
      />
      <SourceField {...bind('source')} lang={lang} />
      <Field
        {...bind('note')}
        lang={lang}
        label={t(lang, 'goals.noteLabel')}
        hint={t(lang, 'goals.noteHint')}
        maxLength={MAX_TEXT}
      />
    </EntryForm>
  );
}

/** Under a goal: enter or change its current value, and remove the value entered on this device. */
export function GoalEntry({ goal, lang }: { goal: Goal; lang: Lang }) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const entered = goal.current?.enteredAt !== undefined;
  if (open)
    return (
      <GoalForm
        goal={goal}
        lang={lang}
        onDone={() => {
          setOpen(false);
          // Back to where the officer was: the button that opened the form.
          requestAnimationFrame(() => opener.current?.focus());
        }}
      />
    );
  return (
    <div className="button-row goal-entry">
      <button
        ref={opener}
        type="button"
        className="secondary-btn"
        data-testid="goal-enter"
        onClick={() => setOpen(true)}
      >
        {t(lang, goal.current ? 'goals.change' : 'goals.enter')}
      </button>
      {entered ? (
        <RemoveButton
          name={pick(lang, goal.name)}
          lang={lang}
          testId="goal-remove"
          onRemove={() =>
            void removeEntered(enteredKey({ kind: 'goal', goal: goal.id }), useAppStore.getState)
          }
        />
      ) : null}
    </div>
  );
}

/** Above the goals: how many values this device holds, the CSV import and the goals.json export. */
export function GoalsEnteredTools({ goals, lang }: { goals: Goal[]; lang: Lang }) {
  const entered = useAppStore((s) => s.entered);
  const districts = useAppStore((s) => s.data?.districts.features);
  const goalEntries = entered.filter((e) => e.kind === 'goal');
  const unplaced = unplacedEntered(
    entered,
    new Set(goals.map((g) => g.id)),
    new Set((districts ?? []).map((d) => d.properties.adcode)),
  );
  return (
    <>
      <EnteredStorageNotice lang={lang} />
      <EnteredFiles kind="goal" lang={lang} count={goalEntries.length} />
      {unplaced.length > 0 ? (
        <section className="entered-unplaced" data-testid="entered-unplaced">
          <p>{t(lang, 'entered.unplaced')}</p>
          <ul className="plain-list">
            {unplaced.map((e) => {
              const key = enteredKey(e);
              const name = e.kind === 'goal' ? e.goal : e.district;
              return (
                <li key={key}>
                  <span>
                    {name} · {e.value} · {e.asOf}
                  </span>{' '}
                  <RemoveButton
                    name={name}
                    lang={lang}
                    testId="entered-unplaced-remove"
                    onRemove={() => void removeEntered(key, useAppStore.getState)}
                  />
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </>
  );
}
