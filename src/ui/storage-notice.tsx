import { useState } from 'react';
import type { Lang } from '../data/types';
import { type StoredData, storageText } from '../i18n/storage-text';
import { t } from '../i18n/t';
import type { StorageProblem } from '../import/storage';
import { useAppStore } from '../state/store';

/** What the browser's storage could not do, in a sentence; the browser's own words in small print. */
export function StorageNotice({
  lang,
  problem,
  about,
  testId,
}: {
  lang: Lang;
  problem: StorageProblem;
  about: StoredData;
  testId: string;
}) {
  return (
    <div
      className="notice error"
      role="alert"
      data-testid={testId}
      data-op={problem.op}
      data-reason={problem.reason}
    >
      <p>{storageText(lang, problem, about)}</p>
      {problem.detail ? (
        <p className="small muted storage-detail">{t(lang, 'storage.detail', { detail: problem.detail })}</p>
      ) : null}
    </div>
  );
}

/**
 * Over the map: the imports saved here could not be read (storage silent or refusing), so the map
 * shows the bundled data alone. Said once; the data panel keeps saying it.
 */
export function SavedDataNotice() {
  const lang = useAppStore((s) => s.lang);
  const problem = useAppStore((s) => (s.storageError?.op === 'read' ? s.storageError : null));
  const [dismissed, setDismissed] = useState<StorageProblem | null>(null);
  if (!problem || problem === dismissed) return null;
  return (
    <div className="notice error" role="alert" data-testid="saved-data-notice" data-reason={problem.reason}>
      <span>{storageText(lang, problem, 'imports')}</span>
      <button type="button" className="text-btn" onClick={() => setDismissed(problem)}>
        {t(lang, 'notice.dismiss')}
      </button>
    </div>
  );
}
