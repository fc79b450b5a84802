import {
  ActionIcon,
  Alert,
  Autocomplete,
  Badge,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { formatNombre } from '../../../../src/core/money';
import {
  ORIGINE_LABELS,
  budgetApi,
  SECTEURS,
  type BudgetView,
  type DocumentBudgetaire,
  type LigneInput,
  type UserBudgetView,
  type Verification,
} from '../../../../src/modules/budget/schemas';
import type { Localite } from '../../../../src/modules/commune/schemas';
import type { Nomenclature } from '../../../../src/modules/nomenclature/schemas';
import { depensesApi } from '../../../../src/modules/depenses/schemas';
import { call } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useAction } from '../../app/useAction';
import { useGardeSortie } from '../../app/useGardeSortie';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MontantInput } from '../../components/MontantInput';

interface Row {
  nature: string;
  fonction: string;
  secteur: string;
  localiteId: string;
  libelle: string;
  montant: number | null;
  origine: LigneInput['origine'];
  bpPrecedent: number | null;
}

const empty = (): Row => ({
  nature: '',
  fonction: '',
  secteur: '',
  localiteId: '',
  libelle: '',
  montant: null,
  origine: 'nouveau',
  bpPrecedent: null,
});
const CHAMPS = ['nature', 'fonction', 'secteur', 'localiteId', 'libelle', 'origine', 'montant'] as const;
const codeOf = (v: string) => v.split(' — ')[0]?.trim() ?? '';

function toInput(r: Row): LigneInput {
  return {
    nature: codeOf(r.nature),
    fonction: codeOf(r.fonction) || null,
    secteur: r.secteur || null,
    localiteId: r.localiteId ? Number(r.localiteId) : null,
    libelle: r.libelle.trim() || null,
    origine: r.origine,
    montant: r.montant ?? 0,
  };
}

/** The keyboard-driven entry grid of a draft budget: code lookup as you type, live totals, problems beside. */
export function BudgetGrid({
  view,
  doc,
  nomenclature,
  localites,
  onSaved,
}: {
  view: BudgetView;
  doc: DocumentBudgetaire;
  nomenclature: Nomenclature;
  localites: Localite[];
  onSaved: (v: UserBudgetView) => void;
}) {
  const initial = useMemo(
    () =>
      view.lignes
        .filter((l) => l.document === doc && l.origine === 'nouveau')
        .map((l) => ({
          nature: l.nature,
          fonction: l.fonction ?? '',
          secteur: l.secteur ?? '',
          localiteId: l.localiteId ? String(l.localiteId) : '',
          libelle: l.libelle ?? '',
          montant: l.montant,
          origine: l.origine,
          bpPrecedent: l.bpPrecedent,
        })),
    [view, doc],
  );
  const [rows, setRows] = useState<Row[]>(initial.length > 0 ? initial : [empty()]);
  const [check, setCheck] = useState<Verification | null>(null);
  const [dirty, setDirty] = useState(false);
  const { alert, setError, run, fieldError, clearField } = useAction(CHAMPS.map((c) => `lignes.*.${c}`));
  const gridRef = useRef<HTMLFormElement>(null);
  const focusRow = useRef<number | null>(null);

  // Realisations of the previous year (mandated per imputation), once the expense module has them.
  const precedent = useApi(depensesApi.suivi, doc === 'BP' ? { params: { annee: view.exercice.annee - 1 } } : null);
  const realise = useMemo(() => {
    const m = new Map<string, number>();
    for (const l of precedent.data ?? [])
      m.set(`${l.nature}|${l.fonction ?? ''}`, (m.get(`${l.nature}|${l.fonction ?? ''}`) ?? 0) + l.mandate);
    return m;
  }, [precedent.data]);
  const natures = useMemo(() => new Map(nomenclature.natures.map((n) => [n.code, n])), [nomenclature]);
  const natureOptions = useMemo(() => nomenclature.natures.filter((n) => n.feuille).map((n) => `${n.code} — ${n.libelle}`), [nomenclature]);
  const fonctionOptions = useMemo(
    () => nomenclature.fonctions.filter((f) => f.parent).map((f) => `${f.code} — ${f.libelle}`),
    [nomenclature],
  );
  const annee = view.exercice.annee;
  // The lines sent to the server: the rows with a code.
  const lignes = useMemo(() => rows.filter((r) => r.nature.trim() !== '').map(toInput), [rows]);
  // The server numbers problems by the lines sent, which skip the rows without a code.
  let sentCount = 0;
  const sent = rows.map((r) => (r.nature.trim() === '' ? -1 : sentCount++));
  const cellError = (i: number, c: (typeof CHAMPS)[number]) => ((sent[i] ?? -1) >= 0 ? fieldError(`lignes.${sent[i]}.${c}`) : undefined);

  useEffect(() => {
    const h = setTimeout(() => {
      call(budgetApi.checkLignes, { params: { annee, doc }, body: { lignes } })
        .then(setCheck)
        .catch(() => setCheck(null));
    }, 350);
    return () => clearTimeout(h);
  }, [annee, doc, lignes]);

  useEffect(() => {
    if (focusRow.current === null) return;
    gridRef.current?.querySelector<HTMLInputElement>(`[data-row="${focusRow.current}"] input`)?.focus();
    focusRow.current = null;
  }, [rows.length]);

  const set = (i: number, patch: Partial<Row>) => {
    setDirty(true);
    for (const c of Object.keys(patch)) clearField(`lignes.${sent[i]}.${c}`);
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };

  // Enter moves to the next field; at the last field, a new line opens.
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.defaultPrevented || !(e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement)) return;
    const fields = [
      ...(gridRef.current?.querySelectorAll<HTMLElement>('input:not([disabled]):not([type=hidden]), select:not([disabled])') ?? []),
    ];
    const i = fields.indexOf(e.target);
    e.preventDefault();
    if (i >= 0 && i < fields.length - 1) fields[i + 1]?.focus();
    else {
      focusRow.current = rows.length;
      setRows((rs) => [...rs, empty()]);
    }
  };

  // A form, so that a refused amount blocks the saving (Enter never submits: it moves on).
  const save = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const v = await call(budgetApi.saveLignes, { params: { annee, doc }, body: { lignes } });
      setDirty(false);
      notifications.show({ color: 'teal', message: 'Projet de budget enregistré.' });
      onSaved(v);
    });
  };

  const t = check?.totaux;
  const section = (s: 'fonctionnement' | 'investissement', label: string) =>
    t && (
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {label} :
        </Text>
        <Text size="sm">recettes {formatNombre(t[s].recettes)}</Text>
        <Text size="sm">— dépenses {formatNombre(t[s].depenses)}</Text>
        {t[s].recettes === t[s].depenses ? (
          <Badge color="teal">équilibrée</Badge>
        ) : (
          <Badge color="red">écart {formatNombre(t[s].recettes - t[s].depenses)}</Badge>
        )}
      </Group>
    );

  const garde = useGardeSortie(dirty, 'Des lignes du budget ont été modifiées et ne sont pas enregistrées.');
  return (
    <Stack>
      {garde}
      <Paper withBorder p="xs" pos="sticky" top={100} style={{ zIndex: 5 }}>
        <Group justify="space-between">
          <Stack gap={0}>
            {section('fonctionnement', 'Fonctionnement')}
            {section('investissement', 'Investissement')}
          </Stack>
          {check && check.problemes.length === 0 ? (
            <Badge color="teal" size="lg">
              Aucun problème : le budget peut être voté
            </Badge>
          ) : (
            <Badge color="red" size="lg">
              {check?.problemes.length ?? 0} problème(s), voir sous le tableau
            </Badge>
          )}
        </Group>
      </Paper>
      <LignesReportees view={view} doc={doc} />
      <div>
        <form ref={gridRef} onKeyDown={onKeyDown} onSubmit={(e) => void save(e)}>
          <Table withTableBorder verticalSpacing={2} fz="sm" aria-label="Lignes du budget">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={210}>Code nature</Table.Th>
                <Table.Th>Précision</Table.Th>
                <Table.Th w={120}>Fonction</Table.Th>
                <Table.Th w={170}>Secteur / localité</Table.Th>
                <Table.Th w={130}>{doc === 'BA' ? 'Montant (±)' : 'Montant'}</Table.Th>
                <Table.Th w={130}>{doc === 'BA' ? '' : 'BP et réalisé N-1'}</Table.Th>
                <Table.Th w={30} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => {
                const n = natures.get(codeOf(r.nature));
                const invDep = n?.section === 'investissement' && n.sens === 'depense';
                return (
                  <Table.Tr key={i} data-row={i}>
                    <Table.Td>
                      <Autocomplete
                        aria-label={`Code nature ligne ${i + 1}`}
                        data={natureOptions}
                        limit={8}
                        value={r.nature}
                        onChange={(v) => set(i, { nature: v.includes(' — ') ? codeOf(v) : v })}
                        size="xs"
                        error={cellError(i, 'nature') ?? (r.nature && !n ? true : undefined)}
                      />
                      <Text size="xs" c={n ? 'dimmed' : 'red'} lineClamp={2} title={n?.libelle}>
                        {n
                          ? `${n.sens === 'recette' ? 'R' : 'D'}·${n.section === 'fonctionnement' ? 'F' : 'I'} — ${n.libelle}`
                          : r.nature
                            ? 'code inconnu'
                            : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Précision ligne ${i + 1}`}
                        size="xs"
                        value={r.libelle}
                        onChange={(e) => set(i, { libelle: e.currentTarget.value })}
                        error={cellError(i, 'libelle')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Autocomplete
                        aria-label={`Fonction ligne ${i + 1}`}
                        data={fonctionOptions}
                        limit={8}
                        size="xs"
                        value={r.fonction}
                        onChange={(v) => set(i, { fonction: v.includes(' — ') ? codeOf(v) : v })}
                        disabled={n?.sens === 'recette'}
                        error={cellError(i, 'fonction')}
                      />
                    </Table.Td>
                    <Table.Td>
                      {invDep ? (
                        <Stack gap={2}>
                          <NativeSelect
                            aria-label={`Secteur ligne ${i + 1}`}
                            size="xs"
                            value={r.secteur}
                            onChange={(e) => set(i, { secteur: e.currentTarget.value })}
                            error={cellError(i, 'secteur')}
                            data={[{ value: '', label: 'Secteur…' }, ...SECTEURS.map((s) => ({ value: s, label: s }))]}
                          />
                          <NativeSelect
                            aria-label={`Localité ligne ${i + 1}`}
                            size="xs"
                            value={r.localiteId}
                            onChange={(e) => set(i, { localiteId: e.currentTarget.value })}
                            error={cellError(i, 'localiteId')}
                            data={[
                              { value: '', label: 'Localité…' },
                              ...localites.filter((l) => l.actif).map((l) => ({ value: String(l.id), label: l.nom })),
                            ]}
                          />
                        </Stack>
                      ) : (
                        <Text size="xs" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <MontantInput
                        aria-label={`Montant ligne ${i + 1}`}
                        size="xs"
                        value={r.montant}
                        onChange={(v) => set(i, { montant: v })}
                        signed={doc === 'BA'}
                        error={cellError(i, 'montant')}
                      />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="xs">{r.bpPrecedent !== null ? formatNombre(r.bpPrecedent) : '—'}</Text>
                      {realise.has(`${codeOf(r.nature)}|${codeOf(r.fonction)}`) && (
                        <Text size="xs" c="dimmed" title="Mandaté sur l'exercice précédent">
                          mandaté {formatNombre(realise.get(`${codeOf(r.nature)}|${codeOf(r.fonction)}`) ?? 0)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        tabIndex={-1}
                        variant="subtle"
                        color="red"
                        aria-label={`Retirer la ligne ${i + 1}`}
                        onClick={() => {
                          setDirty(true);
                          setError(null); // the server's line numbers no longer match
                          setRows((rs) => rs.filter((_, j) => j !== i));
                        }}
                      >
                        ✕
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Group mt="sm" justify="space-between">
            <Button
              variant="light"
              onClick={() => {
                focusRow.current = rows.length;
                setRows((rs) => [...rs, empty()]);
              }}
            >
              + Ligne
            </Button>
            <Group>
              {dirty && (
                <Text size="sm" c="orange">
                  Modifications non enregistrées
                </Text>
              )}
              <Button type="submit">Enregistrer le projet</Button>
            </Group>
          </Group>
          <ErrorAlert error={alert} />
        </form>
      </div>
      {check && check.problemes.length > 0 && (
        <Alert color="red" title="Contrôles avant le vote">
          <List size="sm" spacing={2} aria-label="Problèmes du budget">
            {check.problemes.map((p, i) => (
              <List.Item key={i}>{p.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

/** The rows the closing of N−1 carried into this BA (result, restes à réaliser): shown, counted, never typed (R4). */
function LignesReportees({ view, doc }: { view: BudgetView; doc: DocumentBudgetaire }) {
  const lignes = view.lignes.filter((l) => l.document === doc && l.origine !== 'nouveau');
  if (lignes.length === 0) return null;
  return (
    <Paper withBorder p="xs" bg="gray.0" data-testid="lignes-reportees">
      <Text size="sm" fw={600}>
        Reporté par la clôture de l’exercice {view.exercice.annee - 1} (lecture seule)
      </Text>
      <Table fz="xs" verticalSpacing={2}>
        <Table.Tbody>
          {lignes.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td w={120}>{ORIGINE_LABELS[l.origine]}</Table.Td>
              <Table.Td w={120}>
                {l.nature}
                {l.fonction ? ` / ${l.fonction}` : ''}
              </Table.Td>
              <Table.Td>{l.libelle ?? l.libelleNature}</Table.Td>
              <Table.Td ta="right" w={130}>
                {formatNombre(l.montant)} {l.sens === 'recette' ? '(recette)' : '(dépense)'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
