import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, errorText } from './api';

/** GET a resource; `reload()` fetches it again after a change. */
export function useApi<T>(url: string | null): {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload: () => Promise<void>;
} {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    if (!url) return;
    setLoading(true);
    try {
      setData(await api<T>('GET', url));
      setError(null);
    } catch (e) {
      // Server off or failing: said on every page at once, so that an empty table never passes for an empty register.
      if (e instanceof ApiError && e.code === 'ERREUR_INTERNE')
        notifications.show({
          id: 'lecture-impossible',
          color: 'red',
          title: 'Lecture impossible',
          message: errorText(e),
          autoClose: false,
        });
      setError(errorText(e));
    } finally {
      setLoading(false);
    }
  }, [url]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload };
}
