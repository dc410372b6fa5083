/**
 * Who is logged in. Asks GET /api/session once; a 401 from any request clears the user, which
 * sends the router to the login page (see AppRoutes).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setApiHandlers, setCsrfToken } from '../api/client';
import { forgetOfflineData, keepForOffline } from './offline-shell';
import type { SessionInfo, SessionUser as User } from '../api/types';
import { useViewedOrgId } from './org-context';
import { findOrg, useOrgTree } from './org-tree';

interface Session {
  /** undefined while the first GET /session is running. */
  user: User | null | undefined;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    setApiHandlers({ unauthorized: () => setUser(null) });
    api
      .get<SessionInfo>('/session', undefined, { quiet: true, noAuthRedirect: true })
      .then((s) => {
        setCsrfToken(s.csrfToken);
        setUser(s.user);
      })
      .catch(() => setUser(null));
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const s = await api.post<SessionInfo>(
      '/session',
      { username, password },
      { quiet: true, noAuthRedirect: true },
    );
    // A new user: nothing of the previous one stays; this one is known when reopened offline.
    await forgetOfflineData();
    keepForOffline('/session', s);
    setCsrfToken(s.csrfToken);
    setUser(s.user);
  }, []);

  const logout = useCallback(async () => {
    await api.del('/session', { quiet: true, noAuthRedirect: true }).catch(() => undefined);
    await forgetOfflineData();
    setCsrfToken(null);
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, login, logout }), [user, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/**
 * The logged-in user (inside the authenticated part of the app) as the page shown sees them: in
 * another org's ledger (issue 9: `?org=`, app/org-context.ts) a reader from above is a viewer
 * there, so every write action hides by the usual role checks. The real user: useSession().
 */
export function useUser(): User {
  const { user } = useSession();
  const viewed = useViewedOrgId();
  const { tree } = useOrgTree(user?.id);
  const shown = useMemo(() => {
    if (!user || viewed === null || viewed === user.org.id) return user;
    const node = findOrg(tree, viewed);
    // An org the user may not read (OrgScope shows "not found" instead of the page): their own frame.
    if (tree && !node) return user;
    const name = node?.name ?? '';
    return { ...user, role: 'viewer' as const, unitId: null, unitName: null, org: { id: viewed, name } };
  }, [user, viewed, tree]);
  if (!shown) throw new Error('useUser without a user');
  return shown;
}
