import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { urlOf, type ArgsOf, type ResponseOf, type RouteSpec } from '../../../src/core/contract';
import { ApiError, errorText, getUrl } from './api';

export interface ApiState<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload: () => Promise<void>;
}

/**
 * GET a route of the contract; `args` null waits (e.g. for the exercice to be known). `reload()` fetches
 * it again after a change. E.g. `useApi(budgetApi.ficheLigne, { params: { annee, id } })`.
 */
export function useApi<R extends RouteSpec & { method: 'GET' }>(route: R, args: ArgsOf<R> | null): ApiState<ResponseOf<R>> {
  // The URL is the identity of the request: the same URL is not fetched again on each render.
  const url = args ? urlOf(route, args) : null;
  const [data, setData] = useState<ResponseOf<R>>();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    if (!url) return;
    setLoading(true);
    try {
      setData((await getUrl(url)) as ResponseOf<R>);
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
