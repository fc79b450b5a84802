import { Alert, Text } from '@mantine/core';

/** Warns that the exercice uses GM2i's own nature codes until the official annex is published. */
export function ProvisoireBanner({ provisoire }: { provisoire: boolean | undefined }) {
  if (!provisoire) return null;
  return (
    <Alert color="orange" mb="sm" p="xs">
      <Text size="sm">
        <b>Nomenclature provisoire</b> : les codes nature sont ceux de GM2i, en attendant l’annexe officielle de l’arrêté
        n°2020-2475/MEF-MATD-SG. Les documents imprimés le signalent.
      </Text>
    </Alert>
  );
}
