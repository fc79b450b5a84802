import { useCallback, useState } from 'react';

/**
 * Run a server action from a form: the error of the last attempt (shown by ErrorAlert), cleared on success.
 * `run` resolves to whether the action succeeded.
 */
export function useAction(): { error: unknown; setError: (e: unknown) => void; run: (action: () => Promise<unknown>) => Promise<boolean> } {
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    try {
      await action();
      setError(null);
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  }, []);
  return { error, setError, run };
}
