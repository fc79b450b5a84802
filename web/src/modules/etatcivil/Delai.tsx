import { Alert, Text } from '@mantine/core';
import { dateComplete, dateFr, dernierJour } from './libelles';

/**
 * Shown as soon as the event and declaration dates are typed: on time, or late (30 jours francs, the day of the
 * event not counted) — then what the law asks. A preview: the server applies the commune's setting.
 */
export function Delai({
  evenement,
  declaration,
  dateActe,
  jours,
  quoi,
  jugementRequis,
}: {
  evenement: string;
  declaration: string;
  dateActe: string;
  jours: number;
  quoi: 'naissance' | 'décès';
  jugementRequis: boolean;
}) {
  if (!dateComplete(evenement) || !dateComplete(declaration)) return null;
  if (declaration < evenement)
    return (
      <Alert color="red" p="xs" data-testid="delai">
        La déclaration ({dateFr(declaration)}) ne peut précéder {quoi === 'naissance' ? 'la naissance' : 'le décès'} ({dateFr(evenement)}).
      </Alert>
    );
  const limite = dernierJour(evenement, jours);
  if (declaration <= limite)
    return (
      <Alert color="teal" p="xs" data-testid="delai">
        <Text size="sm">
          <b>Déclaration dans les délais</b> : {jours} jours francs, jusqu’au {dateFr(limite)} inclus.
        </Text>
      </Alert>
    );
  const anterieure = dateComplete(dateActe) && evenement.slice(0, 4) < dateActe.slice(0, 4);
  return (
    <Alert color="orange" p="xs" data-testid="delai">
      <Text size="sm">
        <b>Déclaration tardive</b> : le délai de {jours} jours francs a pris fin le {dateFr(limite)}.{' '}
        {jugementRequis
          ? 'L’acte ne peut être dressé que sur un jugement supplétif : indiquez le tribunal, le numéro et la date du jugement ci-dessous.'
          : 'Le décès sera signalé comme déclaré tardivement.'}
        {jugementRequis &&
          (anterieure
            ? ` Né(e) en ${evenement.slice(0, 4)}, l’enfant sera inscrit(e) au registre spécial de transcription des jugements supplétifs de ${dateActe.slice(0, 4)}.`
            : ` Né(e) la même année que l’acte, l’enfant sera inscrit(e) au registre des naissances, à la suite des naissances déclarées à temps.`)}
      </Text>
    </Alert>
  );
}
