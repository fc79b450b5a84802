import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import { urlOf, type ArgsOf, type ResponseOf, type RouteSpec } from '../../../src/core/contract';
import { ApiError, errorText, getUrl } from './api';
import { useReprises } from './connexion';

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
  // The URL of the latest request: a slower answer for an earlier page or filter must not overwrite it.
  const latest = useRef<string | null>(null);
  const reload = useCallback(async () => {
    if (!url) return;
    latest.current = url;
    setLoading(true);
    try {
      const answer = (await getUrl(url)) as ResponseOf<R>;
      if (latest.current !== url) return;
      setData(answer);
      setError(null);
    } catch (e) {
      if (latest.current !== url) return;
      // Server failing: said on every page at once, so that an empty table never passes for an empty register (a
      // server that does not answer at all is said by the banner, ServeurBanner).
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
      if (latest.current === url) setLoading(false);
    }
  }, [url]);
  // Read again when the server comes back after a cut (the page was showing the error meanwhile).
  const reprises = useReprises();
  useEffect(() => {
    void reload();
  }, [reload, reprises]);
  return { data, error, loading, reload };
}
