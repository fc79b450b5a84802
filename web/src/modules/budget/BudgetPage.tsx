import { Alert, Anchor, Badge, Button, FileButton, Group, Loader, Paper, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { urlOf } from '../../../../src/core/contract';
import { formatNombre } from '../../../../src/core/money';
import {
  budgetApi,
  DOCUMENT_LABELS,
  STATUT_LABELS,
  type DocumentBudgetaire,
  type UserBudgetView,
} from '../../../../src/modules/budget/schemas';
import { communeApi } from '../../../../src/modules/commune/schemas';
import { nomenclatureApi } from '../../../../src/modules/nomenclature/schemas';
import { call, errorText } from '../../app/api';
import { usePermission } from '../../app/session';
import { useApi } from '../../app/useApi';
import { base64 } from '../../components/fichier';
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
  canImport,
  onImported,
}: {
  view: UserBudgetView;
  doc: DocumentBudgetaire;
  canImport: boolean;
  onImported: (v: UserBudgetView) => void;
}) {
  const params = { annee: view.exercice.annee, doc };
  const importFile = async (file: File | null) => {
    if (!file) return;
    try {
      onImported(await call(budgetApi.importLignes, { params, body: { nom: file.name, contenuBase64: await base64(file) } }));
      notifications.show({ color: 'teal', message: `${file.name} importé.` });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Import refusé', message: errorText(e), autoClose: false });
    }
  };
  return (
    <Group gap="xs">
      <Button component="a" href={urlOf(budgetApi.exportDocument, { params, query: { format: 'pdf' } })} target="_blank" variant="light">
        Imprimer (PDF)
      </Button>
      <Button component="a" href={urlOf(budgetApi.exportDocument, { params, query: { format: 'xlsx' } })} variant="default">
        Tableur (XLSX)
      </Button>
      {canImport && (
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
  const [view, setView] = useState<UserBudgetView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<string | null>('BP');
  const commune = useApi(communeApi.getCommune, {});
  const localites = useApi(communeApi.listLocalites, {});
  const nomenclature = useApi(nomenclatureApi.getNomenclature, view ? { params: { id: view.exercice.nomenclatureId } } : null);
  const canVirer = usePermission('budget.virements');
  const canSetRules = usePermission('parametres.modifier');

  useEffect(() => {
    call(budgetApi.getBudget, { params: { annee } }).then(setView, (e: unknown) => setError(errorText(e)));
  }, [annee]);

  if (error) return <Alert color="red">{error}</Alert>;
  if (!view || !nomenclature.data || !localites.data || !commune.data) return <Loader />;
  // The BA and the virements come once the BP is approved: the server says so with the BA's state.
  const bpApproved = view.documents.BA.etat !== 'attente';
  const t = view.totaux.ouverts;

  const docTab = (doc: DocumentBudgetaire) => {
    // The server sends the actions this user may take on the document now: the page shows those only.
    const canSave = view.documents[doc].actions.includes('enregistrer');
    return (
      <Tabs.Panel value={doc} pt="md">
        <Group justify="space-between" mb="sm">
          <ActesPanel view={view} doc={doc} cercle={commune.data?.cercle ?? ''} onDone={setView} />
          <DocumentsBar view={view} doc={doc} canImport={canSave} onImported={setView} />
        </Group>
        {canSave && nomenclature.data ? (
          <BudgetGrid
            key={`${doc}-${view.lignes.length}-${view.exercice.statut}`}
            view={view}
            doc={doc}
            nomenclature={nomenclature.data}
            localites={localites.data ?? []}
            onSaved={setView}
          />
        ) : (
          <BudgetTable view={view} doc={doc} />
        )}
        {view.documents[doc].actions.includes('clore') && (
          <Paper withBorder p="sm" mt="xl" style={{ borderColor: 'var(--mantine-color-red-4)' }} aria-label="Fin d’exercice">
            <Group justify="space-between">
              <Text size="sm" c="red.8">
                Fin d’exercice : la clôture contrôle ce qui reste en suspens et reporte le résultat au budget additionnel suivant.
              </Text>
              <Button component={Link} href="/comptabilite/cloture" variant="default" color="red">
                Clore l’exercice…
              </Button>
            </Group>
          </Paper>
        )}
      </Tabs.Panel>
    );
  };
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
          <VirementsPanel view={view} canEdit={canVirer && view.exercice.statut !== 'clos'} canSetRules={canSetRules} onDone={setView} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
