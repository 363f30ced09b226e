import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { Lang } from '../data/types';
import { t } from '../i18n/t';
import { type Panel, useAppStore } from '../state/store';
import { TourButton } from '../tour/tour-view';
import { TopButton } from './top-button';

// One SVG path per button, in the top bar's 24 px grid.
const ICONS = {
  chain: 'M5 5h5v5H5zM14 14h5v5h-5zM14 5h5v5h-5zM10 7.5h4M16.5 10v4',
  targets: 'M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01',
  charging: 'M13 2L4 14h7l-1 8 9-12h-7z',
  goals: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
  match: 'M12 21s-7-6.2-7-11a7 7 0 0 1 14 0c0 4.8-7 11-7 11zM12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM20 20l-4-4',
  data: 'M12 3v12M7 10l5 5 5-5M4 19h16',
  share:
    'M18 8a3 3 0 1 0-3-3M6 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM18 22a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM8.6 13.5l6.8 4M15.4 6.5l-6.8 4',
  layers: 'M12 3l9 5-9 5-9-5zM3 13l9 5 9-5',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  briefing: 'M6 3h12v18l-6-4-6 4zM9 8h6M9 12h6',
  health: 'M3 12h4l3-8 4 16 3-8h4',
} as const;

// What a visitor's briefing uses stays in the bar; what officials use between briefings is under "more".
const MORE_PANELS: readonly Panel[] = ['briefing', 'charging', 'goals', 'data', 'health'];

/** A top-bar button that opens one side panel (and closes it again). */
function NavButton({ panel, lang }: { panel: Exclude<Panel, 'none' | 'layers'>; lang: Lang }) {
  const current = useAppStore((s) => s.panel);
  const setPanel = useAppStore((s) => s.setPanel);
  const on = current === panel;
  return (
    <TopButton
      icon={ICONS[panel as keyof typeof ICONS]}
      label={t(lang, `nav.${panel}`)}
      active={on}
      aria-pressed={on}
      data-testid={`nav-${panel}`}
      // The store puts the panel's own layers on the map while it is open (the charging sites).
      onClick={() => setPanel(on ? 'none' : panel)}
    />
  );
}

/**
 * The less used actions behind one button, so the bar stays one row on a landscape tablet. Opens
 * on a tap, closes on a choice, a tap elsewhere or Escape (focus back on the button).
 */
function MoreMenu({ lang, children }: { lang: Lang; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const holds = useAppStore((s) => MORE_PANELS.includes(s.panel) || s.shareOpen);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    // A choice made, the list closes: the panel or dialog it opened is what the user looks at.
    const onChoice = (e: MouseEvent) => {
      if ((e.target as HTMLElement).closest('.more-list button')) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onChoice);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onChoice);
    };
  }, [open]);
  return (
    <div className="more" ref={box}>
      <TopButton
        ref={button}
        icon={ICONS.more}
        label={t(lang, 'nav.more')}
        active={open || holds}
        aria-expanded={open}
        aria-controls="more-list"
        data-testid="more-button"
        onClick={() => setOpen(!open)}
      />
      {open ? (
        <div id="more-list" className="more-list">
          {children}
        </div>
      ) : null}
    </div>
  );
}

export function TopBar() {
  const lang = useAppStore((s) => s.lang);
  const setLang = useAppStore((s) => s.setLang);
  const panel = useAppStore((s) => s.panel);
  const setPanel = useAppStore((s) => s.setPanel);
  const setShareOpen = useAppStore((s) => s.setShareOpen);
  return (
    <header className="topbar">
      <div className="titles">
        <h1>{t(lang, 'app.title')}</h1>
        <p className="subtitle">{t(lang, 'app.subtitle')}</p>
      </div>
      <nav className="top-actions" aria-label={t(lang, 'nav.label')}>
        <TourButton />
        <NavButton panel="chain" lang={lang} />
        <NavButton panel="targets" lang={lang} />
        <NavButton panel="match" lang={lang} />
        <NavButton panel="search" lang={lang} />
        <TopButton
          icon={ICONS.layers}
          label={t(lang, 'layers.title')}
          active={panel === 'layers'}
          aria-expanded={panel === 'layers'}
          aria-label={t(lang, 'layers.open')}
          data-testid="layers-button"
          onClick={() => setPanel(panel === 'layers' ? 'none' : 'layers')}
        />
        <MoreMenu lang={lang}>
          <NavButton panel="briefing" lang={lang} />
          <NavButton panel="charging" lang={lang} />
          <NavButton panel="goals" lang={lang} />
          <NavButton panel="data" lang={lang} />
          <NavButton panel="health" lang={lang} />
          <TopButton
            icon={ICONS.share}
            label={t(lang, 'nav.share')}
            data-testid="share-button"
            onClick={() => setShareOpen(true)}
          />
        </MoreMenu>
        <button
          type="button"
          className="top-btn lang-btn"
          aria-label={t(lang, 'lang.switchLabel')}
          data-testid="lang-toggle"
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {t(lang, 'lang.switch')}
        </button>
      </nav>
    </header>
  );
}
