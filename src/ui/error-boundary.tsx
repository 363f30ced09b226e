import { Component, type ReactNode } from 'react';
import { t } from '../i18n/t';
import { useAppStore } from '../state/store';

interface State {
  error: Error | null;
}

/** Last line of defence: an unexpected error shows a message and a reload button, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const lang = useAppStore.getState().lang;
    return (
      <div className="error-screen" role="alert">
        <h1>{t(lang, 'error.title')}</h1>
        <p>{t(lang, 'error.body')}</p>
        <pre>{this.state.error.message}</pre>
        <button type="button" className="primary-btn" onClick={() => window.location.reload()}>
          {t(lang, 'error.reload')}
        </button>
      </div>
    );
  }
}
