import { Group, Pagination, Text } from '@mantine/core';

/** Under a paged list: "51–100 sur 312" and the page buttons (hidden when everything fits on one page). */
export function Pager({
  page,
  parPage,
  total,
  onChange,
}: {
  page: number;
  parPage: number;
  total: number;
  onChange: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / parPage));
  if (total === 0) return null;
  const debut = (page - 1) * parPage + 1;
  const fin = Math.min(total, page * parPage);
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed">
        {debut}–{fin} sur {total}
      </Text>
      {pages > 1 && <Pagination size="sm" total={pages} value={page} onChange={onChange} aria-label="Pages" />}
    </Group>
  );
}
