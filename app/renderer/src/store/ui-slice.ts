// Which page is shown, short-lived notices ("Copied") announced to screen readers, and the guard that asks before
// a navigation drops edits not yet saved.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './app-state.js';

export const PAGES = ['home', 'profiles', 'routes', 'split', 'settings', 'logs'] as const;
export type Page = (typeof PAGES)[number];

export interface UiSlice {
  page: Page;
  notice: { id: number; text: string } | null;
  /** Profile shown on the Profiles and Routes & DNS pages (null: the first one). */
  selectedProfile: string | null;
  /** Opens `page`; with unsaved edits on the page, only once the user agrees to discard them. */
  goTo(page: Page): void;
  selectProfile(name: string | null): void;
  announce(text: string): void;
  /** Forms holding edits not yet saved (Routes & DNS, the profile editor's form and text). */
  unsaved: string[];
  /** A navigation held back until "Discard changes?" is answered. */
  pendingLeave: (() => void) | null;
  markUnsaved(form: string, unsaved: boolean): void;
  /** Runs `leave` (a navigation that would drop the open forms) now, or after the user agrees to discard their edits. */
  leaveForms(leave: () => void): void;
  answerLeave(discard: boolean): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  page: 'home',
  notice: null,
  selectedProfile: null,
  goTo: (page) => {
    if (page !== get().page) get().leaveForms(() => set({ page }));
  },
  selectProfile: (selectedProfile) => set({ selectedProfile }),
  announce: (text) => set((state) => ({ notice: { id: (state.notice?.id ?? 0) + 1, text } })),
  unsaved: [],
  pendingLeave: null,
  markUnsaved: (form, unsaved) => {
    const listed = get().unsaved.includes(form);
    if (unsaved && !listed) set((state) => ({ unsaved: [...state.unsaved, form] }));
    if (!unsaved && listed) set((state) => ({ unsaved: state.unsaved.filter((other) => other !== form) }));
  },
  leaveForms: (leave) => {
    if (get().unsaved.length === 0) return leave();
    set({ pendingLeave: leave });
  },
  answerLeave: (discard) => {
    const leave = get().pendingLeave;
    set(discard ? { pendingLeave: null, unsaved: [] } : { pendingLeave: null });
    if (discard) leave?.();
  },
});
