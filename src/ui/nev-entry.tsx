import { useState } from 'react';
import type { Lang } from '../data/types';
import { colon, formatNumber, t } from '../i18n/t';
import { enterNev, removeEntered } from '../import/entered-workflow';
import { todayIso } from '../model/dates';
import { enteredKey } from '../model/entered';
import { useAppStore } from '../state/store';
import {
  EnteredFiles,
  EnteredMark,
  EnteredStorageNotice,
  EntryForm,
  Field,
  RemoveButton,
  SourceField,
  useEntryForm,
} from './entered-parts';
import { SourceText } from './source-text';

const EMPTY = { district: '', value: '', asOf: '', source: '' };
const FORM_ID = 'nev-form';

/** The charging panel's NEV counts: a form per district, each count with its source, the CSV import and export. */
export function NevEntry({ lang }: { lang: Lang }) {
  const data = useAppStore((s) => s.data);
  const entered = useAppStore((s) => s.entered);
  const [saved, setSaved] = useState(false);
  const { bind, setForm, problems, onSubmit } = useEntryForm(
    FORM_ID,
    EMPTY,
    (f) => enterNev(f, useAppStore.getState),
    () => {
      setForm(EMPTY);
      setSaved(true);
    },
    () => setSaved(false),
  );
  if (!data) return null;
  const districts = data.districts.features.map((f) => f.properties);
  const nameOf = (code: string) => {
    const d = districts.find((x) => x.adcode === code);
    return d ? (lang === 'zh' ? d.name_zh : d.name_en) : code;
  };
  const provided = data.nev.filter((n) => n.nevCount !== null);
  return (
    <section className="nev-entry" data-testid="nev-entry">
      <EnteredStorageNotice lang={lang} />
      <EntryForm
        id={FORM_ID}
        title={t(lang, 'nev.title')}
        heading
        lang={lang}
        problems={problems}
        onSubmit={onSubmit}
      >
        <Field
          {...bind('district')}
          lang={lang}
          label={t(lang, 'nev.district')}
          options={[
            { value: '', label: t(lang, 'nev.pick') },
            ...districts.map((d) => ({ value: d.adcode, label: nameOf(d.adcode) })),
          ]}
        />
        <Field {...bind('value')} lang={lang} label={t(lang, 'nev.count')} inputMode="numeric" />
        <Field {...bind('asOf')} lang={lang} label={t(lang, 'nev.asOf')} type="date" max={todayIso()} />
        <SourceField {...bind('source')} lang={lang} />
      </EntryForm>
      <p className="small entered-saved" role="status" data-testid="nev-saved">
        {saved ? t(lang, 'entered.saved') : ''}
      </p>
      {provided.length > 0 ? (
        <>
          <h3>{t(lang, 'nev.sources')}</h3>
          <ul className="plain-list nev-sources" data-testid="nev-sources">
            {provided.map((n) => (
              <li key={n.district} data-district={n.district}>
                <p>
                  <strong>{nameOf(n.district)}</strong>
                  {' · '}
                  {t(lang, 'nev.vehicles', {
                    n: n.nevCount ?? 0,
                    count: formatNumber(lang, n.nevCount ?? 0, 0),
                  })}
                  {n.asOf ? ` · ${t(lang, 'goals.asOf', { date: n.asOf })}` : ''}{' '}
                  {n.enteredAt ? (
                    <EnteredMark enteredAt={n.enteredAt} lang={lang} />
                  ) : (
                    <span className="small muted">{t(lang, 'nev.fromFile')}</span>
                  )}
                </p>
                <p className="small goal-source">
                  {t(lang, 'goals.source')}
                  {colon(lang)}
                  <SourceText text={n.source} />
                </p>
                {n.enteredAt ? (
                  <RemoveButton
                    name={nameOf(n.district)}
                    lang={lang}
                    testId="nev-remove"
                    onRemove={() =>
                      void removeEntered(
                        enteredKey({ kind: 'nev', district: n.district }),
                        useAppStore.getState,
                      )
                    }
                  />
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <EnteredFiles kind="nev" lang={lang} count={entered.filter((e) => e.kind === 'nev').length} />
    </section>
  );
}
