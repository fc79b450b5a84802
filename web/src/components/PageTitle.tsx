import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function PageTitle({ title, subtitle, children }: { title: string; subtitle?: string; children?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" mb="md">
      <div>
        <Title order={2}>{title}</Title>
        {subtitle && <Text c="dimmed">{subtitle}</Text>}
      </div>
      {children}
    </Group>
  );
}
