import { Alert, Anchor, Button, Divider, Group, Paper } from '@mantine/core';
import { Link, type RouteComponentProps } from 'wouter';
import { etatCivilApi } from '../../../../src/modules/etatcivil/schemas';
import { usePermission } from '../../app/session';
import { useApi } from '../../app/useApi';
import { LectureActes, LectureErreur } from './Acces';
import { ActeCopies } from './ActeCopies';
import { ActeFiche, STYLE_IMPRESSION } from './ActeFiche';
import { ActeMentions } from './ActeMentions';
import { ActeVolets } from './ActeVolets';

/** The acte card: all its fields, its mentions marginales, its volets and its copies. */
function ActePageContenu({ params }: RouteComponentProps) {
  const id = Number(params.id ?? NaN);
  const acte = useApi(etatCivilApi.acte, Number.isInteger(id) && id > 0 ? { params: { id } } : null);
  const peutSaisir = usePermission('etatcivil.saisir');
  const a = acte.data;
  const recharger = () => void acte.reload();
  return (
    <>
      <style>{STYLE_IMPRESSION}</style>
      <Group justify="space-between" mb="sm">
        <Anchor component={Link} href="/etat-civil/actes">
          ← Retour à la recherche
        </Anchor>
        {a && (
          <Button variant="default" onClick={() => window.print()}>
            Imprimer la fiche
          </Button>
        )}
      </Group>
      <LectureErreur error={acte.error} />
      {a && (
        <>
          {a.avertissements.map((w) => (
            <Alert key={w.field} color="orange" p="xs" mb="xs">
              {w.message}
            </Alert>
          ))}
          <Paper withBorder p="md" mb="md" className="ec-impression">
            <ActeFiche acte={a} />
          </Paper>
          <Paper withBorder p="md">
            <ActeMentions acte={a} peutSaisir={peutSaisir} onChange={recharger} />
            <Divider my="md" />
            <ActeVolets acte={a} peutSaisir={peutSaisir} onChange={recharger} />
            <Divider my="md" />
            <ActeCopies acte={a} peutSaisir={peutSaisir} onChange={recharger} />
          </Paper>
        </>
      )}
    </>
  );
}

export function ActePage(props: RouteComponentProps) {
  return (
    <LectureActes>
      <ActePageContenu {...props} />
    </LectureActes>
  );
}
