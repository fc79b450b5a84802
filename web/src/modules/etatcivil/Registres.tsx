import { Alert, Button, Group, Modal, NativeSelect, Paper, Select, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../src/core/contract';
import { etatCivilApi } from '../../../../src/modules/etatcivil/schemas';
import { call } from '../../app/api';
import { usePermission } from '../../app/session';
import { useApi } from '../../app/useApi';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LectureErreur } from './Acces';
import { useActionEc } from './Champs';
import { officierDeSession, OfficierFields, retenirOfficier } from './Officier';
import { dateFr, REGISTRE_LABELS, NOM_REGISTRE } from './libelles';

type Registre = ResponseOf<typeof etatCivilApi.registres>[number];
type TypeRegistre = Registre['type'];

/** Open a register: a centre d'état civil, a type, a year, the date of its opening. */
function Ouverture({ annee, onDone }: { annee: number; onDone: () => void }) {
  const centres = useApi(etatCivilApi.centres, {});
  const [centreId, setCentreId] = useState<number | null>(null);
  const [type, setType] = useState<TypeRegistre>('naissances');
  const [ouverture, setOuverture] = useState(aujourdhui());
  const { alert, run, busy, fieldError, clearField } = useActionEc(['centreId', 'type', 'annee', 'ouverture']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const r = await call(etatCivilApi.ouvrirRegistre, { body: { centreId: centreId as number, type, annee, ouverture } });
      notifications.show({
        color: 'teal',
        message: `${NOM_REGISTRE[r.type].replace(/^r/, 'R')} ${r.annee} ouvert (${r.centreNom}).`,
      });
      onDone();
    });
  };
  return (
    <Paper withBorder p="sm" mb="sm" component="form" onSubmit={submit} noValidate aria-label="Ouvrir un registre">
      <Text fw={600} mb="xs">
        Ouvrir un registre pour {annee}
      </Text>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <Select
          label="Centre"
          placeholder="Choisir le centre"
          data={(centres.data ?? []).filter((c) => c.type !== 'declaration' && c.actif).map((c) => ({ value: String(c.id), label: c.nom }))}
          value={centreId === null ? null : String(centreId)}
          onChange={(v) => {
            clearField('centreId');
            setCentreId(v ? Number(v) : null);
          }}
          error={fieldError('centreId')}
          w={260}
        />
        <Select
          label="Type de registre"
          data={Object.entries(REGISTRE_LABELS).map(([value, label]) => ({ value, label }))}
          value={type}
          onChange={(v) => setType((v ?? 'naissances') as TypeRegistre)}
          allowDeselect={false}
          error={fieldError('type')}
          w={300}
        />
        <DateField
          label="Date d’ouverture"
          value={ouverture}
          onChange={(v) => {
            clearField('ouverture');
            setOuverture(v);
          }}
          error={fieldError('ouverture')}
          exercice={annee}
          w={170}
        />
      </Group>
      <Group justify="flex-end" mt="sm" gap="xs">
        <Button variant="default" onClick={onDone}>
          Fermer
        </Button>
        <Button type="submit" loading={busy}>
          Ouvrir le registre
        </Button>
      </Group>
      <ErrorAlert error={alert} />
    </Paper>
  );
}

/** The year-end arrêté: once closed, a register refuses every new acte. Confirmed first, with what it does. */
function Cloture({ registre, onClose, onDone }: { registre: Registre; onClose: () => void; onDone: () => void }) {
  const [date, setDate] = useState(aujourdhui() >= `${registre.annee}-12-31` ? aujourdhui() : '');
  const [officier, setOfficier] = useState(officierDeSession);
  const [confirmer, setConfirmer] = useState(false);
  const [vu, setVu] = useState(false);
  const action = useActionEc(['date', 'officier', 'officier.nom', 'officier.qualite']);
  const { alert, run, busy, clearField } = action;
  const finAnnee = `${registre.annee}-12-31`;
  const tropTot = aujourdhui() < finAnnee;
  // Before the server is asked: the officer's name and qualité, said beside their field.
  const fieldError = (f: string) =>
    action.fieldError(f) ??
    (vu && ((f === 'officier.nom' && !officier.nom.trim()) || (f === 'officier.qualite' && !officier.qualite))
      ? 'Champ obligatoire.'
      : undefined);
  const clore = () =>
    void run(async () => {
      setConfirmer(false);
      await call(etatCivilApi.cloreRegistre, { params: { id: registre.id }, body: { date, officier } });
      retenirOfficier(officier);
      notifications.show({ color: 'teal', message: `Registre ${registre.annee} clos le ${dateFr(date)}.` });
      onDone();
    });
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Clore le ${NOM_REGISTRE[registre.type]} ${registre.annee}`}
      centered
      size="lg"
    >
      <Text size="sm" mb="sm">
        {registre.centreNom} — {registre.actes} acte(s){registre.premier !== null && `, n°${registre.premier} à n°${registre.dernier}`}.
      </Text>
      <Group align="flex-start" gap="sm" mb="sm">
        <DateField
          label="Date de l’arrêté de clôture"
          value={date}
          onChange={(v) => {
            clearField('date');
            setDate(v);
          }}
          error={fieldError('date')}
          w={200}
        />
      </Group>
      <OfficierFields value={officier} onChange={setOfficier} fieldError={fieldError} clearField={clearField} />
      <ErrorAlert error={alert} />
      {tropTot ? (
        <Alert color="blue" mt="md">
          <Text size="sm">
            Un registre de {registre.annee} se clôt à la fin de l’année, par un arrêté daté du {dateFr(finAnnee)} au plus tôt. Revenez à
            partir de cette date.
          </Text>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Fermer
            </Button>
          </Group>
        </Alert>
      ) : confirmer ? (
        <Alert color="red" mt="md" title="Confirmer la clôture">
          <Text size="sm">
            Le registre sera clos le {dateFr(date)} par {officier.nom || '…'} ({officier.qualite || '…'}).{' '}
            <b>Un registre clos refuse tout nouvel acte</b> : les actes de {registre.annee} déclarés ensuite ne pourront plus y être
            inscrits. Cette clôture ne s’annule pas.
          </Text>
          <Group justify="flex-end" mt="sm" gap="xs">
            <Button variant="default" onClick={() => setConfirmer(false)}>
              Ne pas clore
            </Button>
            <Button color="red" loading={busy} onClick={clore}>
              Clore définitivement
            </Button>
          </Group>
        </Alert>
      ) : (
        <Group justify="flex-end" mt="md" gap="xs">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button
            color="red"
            onClick={() => {
              setVu(true);
              if (officier.nom.trim() && officier.qualite && date) setConfirmer(true);
            }}
          >
            Clore le registre…
          </Button>
        </Group>
      )}
    </Modal>
  );
}

/** The registers of a year, per centre and type: how many actes, first and last number, open or closed. */
export function Registres() {
  const courante = Number(aujourdhui().slice(0, 4));
  const [annee, setAnnee] = useState(courante);
  const registres = useApi(etatCivilApi.registres, { query: { annee } });
  const peutGerer = usePermission('etatcivil.registres');
  const [ouvrir, setOuvrir] = useState(false);
  const [aClore, setAClore] = useState<Registre | null>(null);
  const liste = registres.data ?? [];
  return (
    <>
      <Group justify="space-between" mb="xs">
        <Group gap="sm">
          <Text fw={600}>Registres</Text>
          <NativeSelect
            aria-label="Année des registres"
            value={String(annee)}
            onChange={(e) => setAnnee(Number(e.currentTarget.value))}
            data={Array.from({ length: 6 }, (_, i) => String(courante - i))}
            w={100}
          />
        </Group>
        {peutGerer && !ouvrir && <Button onClick={() => setOuvrir(true)}>Ouvrir un registre</Button>}
      </Group>
      {ouvrir && (
        <Ouverture
          annee={annee}
          onDone={() => {
            setOuvrir(false);
            void registres.reload();
          }}
        />
      )}
      <LectureErreur error={registres.error} />
      <Table.ScrollContainer minWidth={620}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Centre</Table.Th>
              <Table.Th>Registre</Table.Th>
              <Table.Th ta="right">Actes</Table.Th>
              <Table.Th>Numéros</Table.Th>
              <Table.Th>État</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {liste.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.centreNom}</Table.Td>
                <Table.Td>
                  {REGISTRE_LABELS[r.type]} {r.annee}
                  <Text size="xs" c="dimmed">
                    ouvert le {dateFr(r.ouverture)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{r.actes}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.premier === null ? '—' : `n°${r.premier} à ${r.dernier}`}</Table.Td>
                <Table.Td>
                  {r.cloture ? (
                    <Text size="sm">
                      <Text span fw={600}>
                        clos
                      </Text>{' '}
                      le {dateFr(r.cloture.date)} par {r.cloture.officier} ({r.cloture.qualite})
                    </Text>
                  ) : (
                    <Text size="sm" c="teal" fw={600}>
                      ouvert
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {!r.cloture && peutGerer && (
                    <Button size="xs" variant="outline" color="red" onClick={() => setAClore(r)}>
                      Clore…
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {registres.data && liste.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text c="dimmed" size="sm">
                    Aucun registre ouvert pour {annee}.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {aClore && (
        <Cloture
          registre={aClore}
          onClose={() => setAClore(null)}
          onDone={() => {
            setAClore(null);
            void registres.reload();
          }}
        />
      )}
    </>
  );
}
