import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../src/state/store';
import { startUrlSync } from '../../src/state/url-sync';

/** Just the window the sync touches: the hash, replaceState and the hashchange listener. */
function fakeWindow(hash = '') {
  const listeners = new Set<() => void>();
  const writes: string[] = [];
  const win = {
    location: { hash },
    history: {
      state: null,
      replaceState: (_s: unknown, _t: string, url: string) => {
        writes.push(url);
        win.location.hash = url;
      },
    },
    addEventListener: (_type: string, f: () => void) => listeners.add(f),
    removeEventListener: (_type: string, f: () => void) => listeners.delete(f),
  };
  const paste = (h: string) => {
    win.location.hash = h;
    for (const f of listeners) f();
  };
  return { win: win as unknown as Window, writes, listeners, paste };
}

describe('startUrlSync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens the view of the link it starts with, reporting the keys it rejects', () => {
    const store = createAppStore('');
    const { win } = fakeWindow('#v=1&sel=area:suixi&lang=en&panel=rockets');
    const stop = startUrlSync(store, win);
    expect(store.getState().selection).toEqual({ kind: 'area', id: 'suixi' });
    expect(store.getState().lang).toBe('en');
    expect(store.getState().panel).toBe('none');
    stop();
  });

  it('writes a change once, throttled, with defaults left out, and never as a history entry per change', () => {
    const store = createAppStore('');
    const { win, writes } = fakeWindow();
    const stop = startUrlSync(store, win);
    store.getState().setLang('en');
    store.getState().select({ kind: 'area', id: 'duji' });
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(writes).toEqual(['#v=1&sel=area:duji&lang=en']);
    // A second change within 300 ms waits for the interval; then the latest view is written.
    store.getState().setLang('zh');
    vi.advanceTimersByTime(100);
    expect(writes).toHaveLength(1);
    vi.advanceTimersByTime(300);
    expect(writes).toEqual(['#v=1&sel=area:duji&lang=en', '#v=1&sel=area:duji']);
    stop();
  });

  it('applies a pasted link, ignores the echo of its own write, and stops listening when stopped', () => {
    const store = createAppStore('');
    const { win, writes, listeners, paste } = fakeWindow();
    const stop = startUrlSync(store, win);
    store.getState().setLang('en');
    vi.advanceTimersByTime(0);
    const apply = vi.spyOn(store.getState(), 'applyShared');
    paste(writes[0] ?? '');
    expect(apply).not.toHaveBeenCalled();
    paste('#v=1&lang=zh&panel=chain');
    expect(store.getState().panel).toBe('chain');
    expect(store.getState().lang).toBe('zh');
    stop();
    expect(listeners.size).toBe(0);
  });

  it('lets a link opened in the tab win over a write scheduled before its hashchange arrived', () => {
    const store = createAppStore('');
    const { win, writes, listeners } = fakeWindow();
    const stop = startUrlSync(store, win);
    store.getState().select({ kind: 'area', id: 'linhuan' });
    // The address changes before the write is due; its hashchange event comes later.
    win.location.hash = '#v=1&sel=area:hitech';
    vi.advanceTimersByTime(400);
    expect(writes).toEqual([]);
    expect(win.location.hash).toBe('#v=1&sel=area:hitech');
    expect(store.getState().selection).toEqual({ kind: 'area', id: 'hitech' });
    for (const f of listeners) f();
    expect(store.getState().selection).toEqual({ kind: 'area', id: 'hitech' });
    stop();
  });

  it("writes the target list's filter when it changes, and a pasted link without one clears it", () => {
    const store = createAppStore('');
    const { win, writes, paste } = fakeWindow('#v=1&panel=targets&targets=chain:hydrogen');
    const stop = startUrlSync(store, win);
    expect(store.getState().targetFilter).toEqual({ chains: ['hydrogen'], areas: [] });
    store.getState().toggleTargetFilter('areas', 'linhuan');
    vi.advanceTimersByTime(0);
    expect(writes).toEqual(['#v=1&panel=targets&targets=chain:hydrogen;area:linhuan']);
    paste('#v=1&panel=targets');
    expect(store.getState().targetFilter).toEqual({ chains: [], areas: [] });
    stop();
  });
});
