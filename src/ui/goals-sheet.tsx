import { t } from '../i18n/t';
import { useAppStore } from '../state/store';
import { Sheet } from './card-parts';
import { GoalsPanel } from './goals-panel';

/** The plan's goals and where the city stands, from data/goals.json and the values entered on this device. */
export function GoalsSheet() {
  const lang = useAppStore((s) => s.lang);
  const panel = useAppStore((s) => s.panel);
  const data = useAppStore((s) => s.data);
  const setPanel = useAppStore((s) => s.setPanel);
  if (panel !== 'goals' || !data) return null;
  return (
    <Sheet
      className="side-panel goals-sheet"
      testId="goals-panel"
      title={t(lang, 'goals.title')}
      onClose={() => setPanel('none')}
      lang={lang}
    >
      <GoalsPanel goals={data.goals} issues={data.goalIssues} lang={lang} editable />
    </Sheet>
  );
}
