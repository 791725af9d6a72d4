// React access to the store: a context holding it, and a selector hook.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState } from './app-state.js';
import type { AppStore } from './app-store.js';

export const StoreContext = createContext<AppStore | null>(null);

export function useApp<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useApp outside <StoreContext.Provider>');
  return useStore(store, selector);
}
