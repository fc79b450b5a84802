import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'wouter';
import type { ResponseOf } from '../../../../src/core/contract';
import { etatCivilApi } from '../../../../src/modules/etatcivil/schemas';
import { usePermission } from '../../app/session';
import { useApi } from '../../app/useApi';
import { aujourdhui } from '../../components/dates';
import { LectureActes, LectureErreur } from './Acces';
import { PageTitle } from '../../components/PageTitle';
import { CelebrationForm } from './CelebrationForm';
import { dateFr } from './libelles';
import { MainleveeForm, OppositionForm } from './Oppositions';
import { PublicationForm } from './PublicationForm';

type Publication = ResponseOf<typeof etatCivilApi.publications>[number];
type Ouvert = { pub: number; quoi: 'opposition' | 'celebration' } | { pub: number; quoi: 'mainlevee'; opposition: number } | null;

function Etat({ p }: { p: Publication }) {
  if (p.acteId !== null)
    return (
      <Anchor component={Link} href={`/etat-civil/actes/${p.acteId}`} size="sm">
        <Badge color="teal">célébré</Badge> voir l’acte
      </Anchor>
    );
  if (p.oppositions.some((o) => o.levee === null)) return <Badge color="red">opposition en cours</Badge>;
  return p.celebrationDes <= aujourdhui() ? (
    <Badge color="blue">célébration possible</Badge>
  ) : (
    <Badge color="gray">bans en cours jusqu’au {dateFr(p.celebrationDes)}</Badge>
  );
}

/** Publications of bans, their oppositions and mainlevées, and the celebration. */
function MariagesPageContenu() {
  const pubs = useApi(etatCivilApi.publications, {});
  const peutSaisir = usePermission('etatcivil.saisir');
  const [nouvelle, setNouvelle] = useState(false);
  const [ouvert, setOuvert] = useState<Ouvert>(null);
  const fini = () => {
    setOuvert(null);
    void pubs.reload();
  };
  const liste = [...(pubs.data ?? [])].sort(
    (a, b) => (a.acteId === null ? 0 : 1) - (b.acteId === null ? 0 : 1) || b.publication.localeCompare(a.publication),
  );
  return (
    <>
      <PageTitle title="Mariages" subtitle="Déclaration, publication des bans (15 jours francs), oppositions, célébration.">
        {peutSaisir && !nouvelle && <Button onClick={() => setNouvelle(true)}>Nouvelle publication de bans</Button>}
      </PageTitle>
      {nouvelle && (
        <PublicationForm
          onDone={() => {
            setNouvelle(false);
            void pubs.reload();
          }}
        />
      )}
      <LectureErreur error={pubs.error} />
      <Stack gap="xs">
        {liste.map((p) => {
          const enCours = p.oppositions.some((o) => o.levee === null);
          return (
            <Paper withBorder p="sm" key={p.id}>
              <Group justify="space-between" align="flex-start" wrap="wrap">
                <div>
                  <Text fw={600}>
                    {p.epoux} et {p.epouse}
                  </Text>
                  <Text size="sm" c="dimmed">
                    Déclaré le {dateFr(p.declaration)} — bans publiés le {dateFr(p.publication)} — célébration possible à partir du{' '}
                    {dateFr(p.celebrationDes)}
                  </Text>
                </div>
                <Group gap="xs">
                  <Etat p={p} />
                  {peutSaisir && p.acteId === null && (
                    <>
                      <Button size="xs" variant="outline" color="orange" onClick={() => setOuvert({ pub: p.id, quoi: 'opposition' })}>
                        Opposition…
                      </Button>
                      <Button
                        size="xs"
                        disabled={enCours}
                        title={enCours ? 'Une opposition en cours arrête le mariage' : undefined}
                        onClick={() => setOuvert({ pub: p.id, quoi: 'celebration' })}
                      >
                        Célébrer…
                      </Button>
                    </>
                  )}
                </Group>
              </Group>
              {p.oppositions.map((o) => (
                <Group key={o.id} gap="xs" mt={4}>
                  <Text size="sm">
                    Opposition du {dateFr(o.date)} par {o.auteur} : « {o.motif} »{' '}
                    {o.levee ? `— levée le ${dateFr(o.levee.date)} (${o.levee.reference})` : ''}
                  </Text>
                  {!o.levee && peutSaisir && (
                    <Button size="xs" variant="subtle" onClick={() => setOuvert({ pub: p.id, quoi: 'mainlevee', opposition: o.id })}>
                      Mainlevée…
                    </Button>
                  )}
                </Group>
              ))}
              {ouvert?.pub === p.id && ouvert.quoi === 'opposition' && (
                <OppositionForm pub={p} onDone={fini} onClose={() => setOuvert(null)} />
              )}
              {ouvert?.pub === p.id && ouvert.quoi === 'mainlevee' && (
                <MainleveeForm
                  opposition={
                    p.oppositions.find((o) => o.id === ouvert.opposition) ?? (p.oppositions[0] as Publication['oppositions'][number])
                  }
                  onDone={fini}
                  onClose={() => setOuvert(null)}
                />
              )}
              {ouvert?.pub === p.id && ouvert.quoi === 'celebration' && (
                <CelebrationForm
                  pub={p}
                  onClose={() => setOuvert(null)}
                  onDone={(a) => {
                    notifications.show({ color: 'teal', message: `Acte de mariage n°${a.numero}/${a.annee} enregistré.` });
                    fini();
                  }}
                />
              )}
            </Paper>
          );
        })}
        {pubs.data && liste.length === 0 && (
          <Text c="dimmed" size="sm">
            Aucune publication de bans.
          </Text>
        )}
      </Stack>
    </>
  );
}

export function MariagesPage() {
  return (
    <LectureActes>
      <MariagesPageContenu />
    </LectureActes>
  );
}
