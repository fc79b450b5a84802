import { Checkbox, Table, Text } from '@mantine/core';
import { MontantInput } from '../../components/MontantInput';
import { fcfa } from './RegieLibelles';
import type { Dette, Part } from './RegieRepartition';

/**
 * What a household owes, oldest first, and what this payment puts on each line: the automatic spreading's preview,
 * or, when the régisseur splits it himself, a tick and an amount per line (the line's reste unless he changes it).
 */
export function RegieDettes({
  dettes,
  total,
  apercu,
  manuel,
  coches,
  onCoche,
  fieldError,
  clearField,
}: {
  dettes: readonly Dette[];
  total: number;
  apercu: readonly Part[] | null;
  manuel: boolean;
  coches: ReadonlyMap<string, number | null>;
  onCoche: (coches: ReadonlyMap<string, number | null>) => void;
  fieldError: (field: string) => string | undefined;
  clearField: (field: string) => void;
}) {
  if (dettes.length === 0) return null;
  // The request's lines are the ticked ones in tick order: `lignes.2.montant` is the third ticked.
  const rang = (id: string) => [...coches.keys()].indexOf(id);
  const changer = (id: string, montant: number | null | undefined) => {
    const m = new Map(coches);
    if (montant === undefined) m.delete(id);
    else m.set(id, montant);
    onCoche(m);
  };
  return (
    <Table.ScrollContainer minWidth={520} maxHeight={230} mb="xs">
      <Table fz="sm" withTableBorder striped stickyHeader aria-label="Ce que doit le ménage">
        <Table.Thead>
          <Table.Tr>
            {manuel && <Table.Th w={30} />}
            <Table.Th>Taxe</Table.Th>
            <Table.Th>Personne</Table.Th>
            <Table.Th ta="right">Reste dû</Table.Th>
            <Table.Th ta="right" w={manuel ? 160 : 120}>
              Payé ici
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dettes.map((d) => {
            const part = apercu?.find((p) => p.dette.cle === d.cle)?.montant;
            const coche = coches.has(d.cle);
            const i = rang(d.cle);
            return (
              <Table.Tr key={d.cle}>
                {manuel && (
                  <Table.Td>
                    <Checkbox
                      aria-label={`Payer ${d.articleLibelle} ${d.exercice}${d.personne ? ` de ${d.personne}` : ''}`}
                      checked={coche}
                      onChange={(e) => changer(d.cle, e.currentTarget.checked ? d.reste : undefined)}
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  {d.articleLibelle} {d.exercice}
                  {d.titre && ` — titre ${d.titre}`}
                </Table.Td>
                <Table.Td>{d.personne ?? '—'}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {fcfa(d.reste)}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {manuel ? (
                    coche && (
                      <MontantInput
                        size="xs"
                        aria-label={`Montant payé sur ${d.articleLibelle} ${d.exercice}`}
                        value={coches.get(d.cle) ?? null}
                        onChange={(v) => {
                          clearField(`lignes.${i}.montant`);
                          changer(d.cle, v);
                        }}
                        error={
                          fieldError(`lignes.${i}.montant`) ??
                          fieldError(`lignes.${i}.detteId`) ??
                          fieldError(`lignes.${i}.article`) ??
                          fieldError(`lignes.${i}.articleId`)
                        }
                      />
                    )
                  ) : part ? (
                    <b>{fcfa(part)}</b>
                  ) : (
                    <Text span c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            {manuel && <Table.Th />}
            <Table.Th colSpan={2}>Total dû</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              {fcfa(total)}
            </Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
