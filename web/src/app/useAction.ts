import { useCallback, useMemo, useRef, useState } from 'react';
import { ApiError } from './api';

export interface Action {
  /** The failure of the last attempt, whole. */
  error: unknown;
  /** What ErrorAlert shows: the failure without the problems written beside their field. */
  alert: unknown;
  setError: (e: unknown) => void;
  /** Run a server action; resolves to whether it succeeded. A second call while one runs (a double click) is ignored. */
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  /** An action is running: show the button as loading. */
  busy: boolean;
  /** The server's message for a field (its request path, e.g. `montant`, `lignes.3.nature`), until that field changes. */
  fieldError: (field: string) => string | undefined;
  /** Forget a field's message: call it when the user changes the field. */
  clearField: (field: string) => void;
}

/** `lignes.*.montant` matches `lignes.3.montant`. */
function matches(pattern: string, field: string): boolean {
  const p = pattern.split('.');
  const f = field.split('.');
  return p.length === f.length && p.every((s, i) => s === f[i] || (s === '*' && /^\d+$/.test(f[i] ?? '')));
}

/**
 * Run a server action from a form. `fields` lists the request paths the form shows beside its
 * inputs (`*` for a row number): their validation problems go to `fieldError`, the others stay in `alert`.
 */
export function useAction(fields: readonly string[] = []): Action {
  const [state, setState] = useState<{ error: unknown; cleared: ReadonlySet<string> }>({ error: null, cleared: new Set() });
  const setError = useCallback((error: unknown) => setState({ error, cleared: new Set() }), []);
  // A ref, not state: the second click of a double click arrives before React re-renders.
  const pending = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      if (pending.current) return false;
      pending.current = true;
      setBusy(true);
      try {
        await action();
        setError(null);
        return true;
      } catch (e) {
        setError(e);
        return false;
      } finally {
        pending.current = false;
        setBusy(false);
      }
    },
    [setError],
  );
  const clearField = useCallback(
    (field: string) => setState((s) => (s.cleared.has(field) ? s : { ...s, cleared: new Set(s.cleared).add(field) })),
    [],
  );
  const { error, cleared } = state;
  const problems = error instanceof ApiError ? error.problems : [];
  const fieldError = (field: string) => {
    if (cleared.has(field)) return undefined;
    const own = problems.filter((p) => p.field === field);
    return own.length > 0 ? own.map((p) => p.message).join(' ; ') : undefined;
  };
  const key = fields.join('|');
  const alert = useMemo(() => {
    if (!(error instanceof ApiError) || error.problems.length === 0) return error;
    const rest = error.problems.filter((p) => !key.split('|').some((f) => matches(f, p.field)));
    if (rest.length === error.problems.length) return error;
    return rest.length === 0 ? null : new ApiError(error.code, error.message, { ...error.details, problems: rest });
  }, [error, key]);
  return { error, alert, setError, run, busy, fieldError, clearField };
}
