import { Alert, List } from '@mantine/core';
import { ApiError, errorText } from '../app/api';

/** An error from the server: its French sentence, and each problem on its own line. */
export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const problems = error instanceof ApiError ? error.problems : [];
  return (
    <Alert color="red" title={problems.length > 0 ? 'Certaines informations sont à corriger' : 'Opération refusée'} role="alert">
      {problems.length > 0 ? (
        <List size="sm">
          {problems.map((p, i) => (
            <List.Item key={i}>{p.message}</List.Item>
          ))}
        </List>
      ) : (
        errorText(error)
      )}
    </Alert>
  );
}
