// Which page is shown, and short-lived notices ("Copied") announced to screen readers.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './app-state.js';

export const PAGES = ['home', 'profiles', 'routes', 'settings', 'logs'] as const;
export type Page = (typeof PAGES)[number];

export interface UiSlice {
  page: Page;
  notice: { id: number; text: string } | null;
  /** Profile shown on the Profiles and Routes & DNS pages (null: the first one). */
  selectedProfile: string | null;
  goTo(page: Page): void;
  selectProfile(name: string | null): void;
  announce(text: string): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  page: 'home',
  notice: null,
  selectedProfile: null,
  goTo: (page) => set({ page }),
  selectProfile: (selectedProfile) => set({ selectedProfile }),
  announce: (text) => set((state) => ({ notice: { id: (state.notice?.id ?? 0) + 1, text } })),
});
