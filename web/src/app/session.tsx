import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { roleHas, type Permission } from '../../../src/core/roles';
import { authApi, type SessionInfo } from '../../../src/platform/auth/schemas';
import { communeApi, type InstallationStatus } from '../../../src/modules/commune/schemas';
import { call, setCsrf } from './api';

interface SessionState {
  installation: InstallationStatus;
  session: SessionInfo;
  refresh: () => Promise<void>;
  setSession: (s: SessionInfo) => void;
}

const Ctx = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const s = useContext(Ctx);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** Loads the installation status and the session; children render once both are known. */
export function SessionProvider({
  children,
  loading,
  failed,
}: {
  children: ReactNode;
  loading: ReactNode;
  failed: (msg: string, retry: () => void) => ReactNode;
}) {
  const [installation, setInstallation] = useState<InstallationStatus | null>(null);
  const [session, setSessionState] = useState<SessionInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  const setSession = useCallback((s: SessionInfo) => {
    setCsrf(s.csrf);
    setSessionState(s);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const [i, s] = await Promise.all([call(communeApi.getInstallation), call(authApi.getSession)]);
      setInstallation(i);
      setSession(s);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Erreur');
    }
  }, [setSession]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (error) return <>{failed(error, () => void refresh())}</>;
  if (!installation || !session) return <>{loading}</>;
  return <Ctx.Provider value={{ installation, session, refresh, setSession }}>{children}</Ctx.Provider>;
}

/** Whether the logged-in user's role holds a permission (the same matrix the server applies). */
export function usePermission(p: Permission): boolean {
  const role = useSession().session.utilisateur?.role;
  return role !== undefined && roleHas(role, p);
}
