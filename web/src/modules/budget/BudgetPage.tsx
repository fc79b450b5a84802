import { Alert, Anchor, Badge, Button, FileButton, Group, Loader, Paper, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { formatNombre } from '../../../../src/core/money';
import { roleHas } from '../../../../src/core/roles';
import { DOCUMENT_LABELS, STATUT_LABELS, type BudgetView, type DocumentBudgetaire } from '../../../../src/modules/budget/schemas';
import type { Commune, Localite } from '../../../../src/modules/commune/schemas';
import type { Nomenclature } from '../../../../src/modules/nomenclature/schemas';
import { api, errorText } from '../../app/api';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import { PageTitle } from '../../components/PageTitle';
import { ProvisoireBanner } from '../../components/ProvisoireBanner';
import { ActesPanel } from './ActesPanel';
import { BudgetGrid } from './BudgetGrid';
import { BudgetTable } from './BudgetTable';
import { STATUT_COLORS } from './ExercicesPage';
import { VirementsPanel } from './VirementsPanel';

function DocumentsBar({
  view,
  doc,
  canPrepare,
  onImported,
}: {
  view: BudgetView;
  doc: DocumentBudgetaire;
  canPrepare: boolean;
  onImported: (v: BudgetView) => void;
}) {
  const base = `/api/v1/exercices/${view.exercice.annee}/documents/${doc}/export`;
  const importFile = async (file: File | null) => {
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    try {
      onImported(
        await api<BudgetView>('POST', `/api/v1/exercices/${view.exercice.annee}/documents/${doc}/import`, {
          nom: file.name,
          contenuBase64: btoa(binary),
        }),
      );
      notifications.show({ color: 'teal', message: `${file.name} importé.` });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Import refusé', message: errorText(e), autoClose: false });
    }
  };
  return (
    <Group gap="xs">
      <Button component="a" href={`${base}?format=pdf`} target="_blank" variant="light">
        Imprimer (PDF)
      </Button>
      <Button component="a" href={`${base}?format=xlsx`} variant="default">
        Tableur (XLSX)
      </Button>
      {canPrepare && !view.documentsVotes[doc] && (
        <FileButton onChange={(f) => void importFile(f)} accept=".xlsx">
          {(props) => (
            <Button variant="default" {...props}>
              Importer un XLSX
            </Button>
          )}
        </FileButton>
      )}
    </Group>
  );
}

export function BudgetPage({ annee }: { annee: number }) {
  const { session } = useSession();
  const [view, setView] = useState<BudgetView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<string | null>('BP');
  const commune = useApi<Commune>('/api/v1/commune');
  const localites = useApi<Localite[]>('/api/v1/localites');
  const nomenclature = useApi<Nomenclature>(view ? `/api/v1/nomenclatures/${view.exercice.nomenclatureId}` : null);
  const role = session.utilisateur?.role;
  const can = (p: 'budget.preparer' | 'budget.actes' | 'budget.virements') => (role ? roleHas(role, p) : false);

  useEffect(() => {
    api<BudgetView>('GET', `/api/v1/exercices/${annee}/budget`).then(setView, (e: unknown) => setError(errorText(e)));
  }, [annee]);

  if (error) return <Alert color="red">{error}</Alert>;
  if (!view || !nomenclature.data || !localites.data || !commune.data) return <Loader />;
  const bpApproved = view.exercice.actes.some((a) => a.type === 'approbation' && a.document === 'BP');
  const t = view.totaux.ouverts;

  const docTab = (doc: DocumentBudgetaire) => (
    <Tabs.Panel value={doc} pt="md">
      <Group justify="space-between" mb="sm">
        {can('budget.actes') ? <ActesPanel view={view} doc={doc} cercle={commune.data?.cercle ?? ''} onDone={setView} /> : <div />}
        <DocumentsBar view={view} doc={doc} canPrepare={can('budget.preparer')} onImported={setView} />
      </Group>
      {!view.documentsVotes[doc] && can('budget.preparer') && view.exercice.statut !== 'clos' ? (
        <BudgetGrid
          key={`${doc}-${view.lignes.length}-${view.exercice.statut}`}
          view={view}
          doc={doc}
          nomenclature={nomenclature.data as Nomenclature}
          localites={localites.data ?? []}
          onSaved={setView}
        />
      ) : (
        <BudgetTable view={view} doc={doc} />
      )}
    </Tabs.Panel>
  );

  return (
    <>
      <PageTitle title={`Budget ${annee}`} subtitle={`${view.exercice.nomenclatureLibelle}`}>
        <Group>
          <Badge size="lg" color={STATUT_COLORS[view.exercice.statut]}>
            {STATUT_LABELS[view.exercice.statut]}
          </Badge>
          <Anchor component={Link} href="/budget">
            Tous les exercices
          </Anchor>
        </Group>
      </PageTitle>
      <ProvisoireBanner provisoire={view.exercice.nomenclatureProvisoire} />
      {view.exercice.statut !== 'preparation' && (
        <Paper withBorder p="xs" mb="sm">
          <Text size="sm">
            Crédits ouverts — fonctionnement : {formatNombre(t.fonctionnement.recettes)} en recettes,{' '}
            {formatNombre(t.fonctionnement.depenses)} en dépenses ; investissement : {formatNombre(t.investissement.recettes)} en recettes,{' '}
            {formatNombre(t.investissement.depenses)} en dépenses (FCFA).
          </Text>
        </Paper>
      )}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="BP">{DOCUMENT_LABELS.BP}</Tabs.Tab>
          <Tabs.Tab value="BA" disabled={!bpApproved}>
            {DOCUMENT_LABELS.BA}
          </Tabs.Tab>
          <Tabs.Tab value="virements" disabled={!bpApproved}>
            Virements de crédits
          </Tabs.Tab>
        </Tabs.List>
        {docTab('BP')}
        {docTab('BA')}
        <Tabs.Panel value="virements" pt="md">
          <VirementsPanel
            view={view}
            canEdit={can('budget.virements') && view.exercice.statut !== 'clos'}
            canSetRules={role ? roleHas(role, 'parametres.modifier') : false}
            onDone={setView}
          />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
