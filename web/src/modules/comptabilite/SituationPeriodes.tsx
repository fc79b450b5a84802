import { Table, Text, Title } from '@mantine/core';
import { formatDateFr } from '../../../../src/core/date';
import { svgCourbes } from '../../../../src/core/graphique';
import { formatNombre } from '../../../../src/core/money';
import { formatTaux } from '../../../../src/modules/comptabilite/schemas';
import { courbesCumul, indicateursApi, type Periode, type PointSerie } from '../../../../src/modules/comptabilite/schemas-indicateurs';
import { useApi } from '../../app/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';

const n = formatNombre;
const taux = (a: number, b: number) => (b > 0 ? formatTaux(Math.round((a * 10_000) / b)) : '—');

/**
 * The situation at each month or quarter end up to the chosen date (issue 13 §2): cumulated figures, what each
 * period added, and the line chart of spending and collection against the credits open.
 */
export function SituationPeriodes({ annee, date, periode }: { annee: number; date: string; periode: Periode }) {
  const s = useApi(indicateursApi.serie, { params: { annee }, query: { date, periode } });
  if (s.error) return <ErrorAlert error={s.error} />;
  const points = s.data?.points;
  if (!points) return null;
  const svg = svgCourbes(
    points.map((p) => p.libelle),
    courbesCumul(points),
    { largeur: 600, hauteur: 210 },
  );
  const precedent = (i: number): PointSerie | undefined => points[i - 1];
  return (
    <>
      <Title order={3} size="h4" mt="md" mb="xs">
        Cumuls {periode === 'mois' ? 'mois par mois' : 'trimestre par trimestre'}
      </Title>
      <Table striped withTableBorder fz="xs" aria-label="Situation par période" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>Période</Table.Th>
            <Table.Th w={86}>Au</Table.Th>
            <Table.Th ta="right">Crédits ouverts</Table.Th>
            <Table.Th ta="right">Mandaté dans la période</Table.Th>
            <Table.Th ta="right">Mandaté cumulé</Table.Th>
            <Table.Th ta="right" w={62}>
              Taux
            </Table.Th>
            <Table.Th ta="right">Recouvré dans la période</Table.Th>
            <Table.Th ta="right">Recouvré cumulé</Table.Th>
            <Table.Th ta="right" w={62}>
              Taux
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {points.map((p, i) => (
            <Table.Tr key={p.fin} data-testid={`periode-${p.fin}`}>
              <Table.Td>{p.libelle}</Table.Td>
              <Table.Td>{formatDateFr(p.fin)}</Table.Td>
              <Table.Td ta="right">{n(p.ouvert)}</Table.Td>
              <Table.Td ta="right">{n(p.mandate - (precedent(i)?.mandate ?? 0))}</Table.Td>
              <Table.Td ta="right" data-testid="periode-mandate">
                {n(p.mandate)}
              </Table.Td>
              <Table.Td ta="right">{taux(p.mandate, p.ouvert)}</Table.Td>
              <Table.Td ta="right">{n(p.recouvre - (precedent(i)?.recouvre ?? 0))}</Table.Td>
              <Table.Td ta="right">{n(p.recouvre)}</Table.Td>
              <Table.Td ta="right">{taux(p.recouvre, p.prevu)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="xs" mb="xs">
        Mandaté et recouvré cumulés depuis le 1er janvier, face aux crédits ouverts (pointillés).
      </Text>
      <div
        aria-label="Cumuls par période"
        role="img"
        dangerouslySetInnerHTML={{ __html: svg.replace(/ width="\d+" height="\d+"/, ' width="100%" style="max-width:760px;height:auto"') }}
      />
    </>
  );
}
