import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { I18nProvider } from './i18n';
import { Providers } from './app/Providers';
import { SessionProvider } from './app/session';
import { AppRoutes } from './app/AppRoutes';
import './styles/app.css';
import './styles/print.css';
// After app.css: the phone rules override it at equal specificity.
import './styles/phone.css';
import { prefetch } from './api/client';
import { registerOfflineShell } from './app/offline-shell';

// Ask who is logged in now, not after React's first render (SessionProvider picks the answer up).
prefetch('/session');
// Phones and tablets: the app opens again without a connection (the report form, 我的待办).
registerOfflineShell();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <I18nProvider>
        <Providers>
          <SessionProvider>
            <AppRoutes />
          </SessionProvider>
        </Providers>
      </I18nProvider>
    </BrowserRouter>
  </StrictMode>,
);
