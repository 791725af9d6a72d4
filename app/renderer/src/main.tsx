// Renderer entry: picks the FerryApi for this runtime, builds the store, keeps it synced with ferryd, renders the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { chooseApi } from './api/choose-api.js';
import { StartupScreen } from './features/service/StartupScreen.js';
import { createAppStore, syncWithFerryd } from './store/app-store.js';
import { StoreContext } from './store/use-app.js';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/home.css';
import './styles/pages.css';
import './styles/editor.css';
import './styles/routes.css';
import './styles/split.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
const choice = chooseApi();
if (!choice.ok) {
  root.render(<StartupScreen problem={choice.message} />);
} else {
  const store = createAppStore(choice.api);
  syncWithFerryd(store, choice.api);
  document.documentElement.dataset.runtime = choice.runtime;
  root.render(
    <StrictMode>
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>
    </StrictMode>,
  );
}
