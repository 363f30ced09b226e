import { useEffect, useState } from 'react';
import { t } from '../i18n/t';
import { DUPLICATE_ACTIONS, type DuplicateAction, type DuplicateMatch } from '../import/duplicates';
import type { ImportOptions } from '../import/pipeline';
import { checkDuplicates, failureOf } from '../import/workflow';
import type { Lang } from '../model';
import { useAppStore } from '../state/store';

type Check =
  | { state: 'checking' }
  | { state: 'done'; matches: DuplicateMatch[] }
  | { state: 'failed'; message: string };

/**
 * The mapping step's duplicate check (issue 14): the whole file read with the current settings, its
 * rows matched against the firms on the map, and the choice of what to do with the matches.
 */
export function DuplicateCheck({
  file,
  options,
  onChange,
  lang,
}: {
  file: File;
  options: ImportOptions;
  onChange: (action: DuplicateAction) => void;
  lang: Lang;
}) {
  const [check, setCheck] = useState<Check>({ state: 'checking' });
  const { duplicates: _, ...rest } = options;
  // The choice itself does not change what matches: only the other settings start a new check.
  const key = JSON.stringify(rest);
  const active = options.kind === 'enterprises' && options.mode === 'join';
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the settings that matter
  useEffect(() => {
    if (!active) return;
    setCheck({ state: 'checking' });
    let cancel = () => {};
    const timer = setTimeout(() => {
      const job = checkDuplicates(file, options, useAppStore.getState);
      cancel = job.cancel;
      job.result.then(
        (matches) => setCheck({ state: 'done', matches }),
        (e: unknown) => {
          const f = failureOf(e);
          if (f) setCheck({ state: 'failed', message: t(lang, f.code, f.params) });
        },
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      cancel();
    };
  }, [file, key, active]);
  if (!active) return null;
  const action = options.duplicates ?? 'update';
  return (
    <section className="dup-check" data-testid="import-duplicates" data-state={check.state}>
      {check.state === 'checking' ? <p className="small muted">{t(lang, 'ledger.dup.checking')}</p> : null}
      {check.state === 'failed' ? (
        <p className="notice warn">{t(lang, 'ledger.dup.failed', { message: check.message })}</p>
      ) : null}
      {check.state === 'done' && check.matches.length === 0 ? (
        <p className="small" data-testid="import-duplicates-count" data-count="0">
          {t(lang, 'ledger.dup.none')}
        </p>
      ) : null}
      {check.state === 'done' && check.matches.length > 0 ? (
        <>
          <p className="notice warn" data-testid="import-duplicates-count" data-count={check.matches.length}>
            {t(lang, 'ledger.dup.found', {
              n: check.matches.length,
              byId: check.matches.filter((m) => m.by === 'id').length,
              byName: check.matches.filter((m) => m.by === 'name').length,
            })}
          </p>
          <fieldset className="mode dup-choice">
            <legend>{t(lang, 'ledger.dup.legend')}</legend>
            {DUPLICATE_ACTIONS.map((a) => (
              <label key={a} className="opt">
                <input
                  type="radio"
                  name="import-duplicates"
                  value={a}
                  data-testid={`import-dup-${a}`}
                  checked={action === a}
                  onChange={() => onChange(a)}
                />
                <span>{t(lang, `ledger.dup.${a}`)}</span>
              </label>
            ))}
          </fieldset>
        </>
      ) : null}
    </section>
  );
}
