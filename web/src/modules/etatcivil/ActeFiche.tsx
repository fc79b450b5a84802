import { Badge, Box, Group, SimpleGrid, Text, Title } from '@mantine/core';
import type { Acte } from '../../../../src/modules/etatcivil/schemas';
import { ACTE_LABELS, dateFr, SOURCE_LABELS, NOM_REGISTRE } from './libelles';

// Every field of an acte as it was recorded (its `donnees`), under French headings; also what "Imprimer" prints.

const SECTIONS: Record<string, string> = {
  enfant: 'Enfant',
  pere: 'Père',
  mere: 'Mère',
  defunt: 'Défunt(e)',
  epoux: 'Époux',
  epouse: 'Épouse',
  declarant: 'Déclarant',
  declaration: 'Déclaration',
  jugement: 'Jugement supplétif',
  temoins: 'Témoin',
};
const CHAMPS: Record<string, string> = {
  nom: 'Nom',
  prenoms: 'Prénoms',
  sexe: 'Sexe',
  date: 'Date',
  heure: 'Heure',
  lieu: 'Lieu',
  naissance: 'Naissance',
  lieuNaissance: 'Lieu de naissance',
  profession: 'Profession',
  domicile: 'Domicile',
  nina: 'NINA',
  lien: 'Lien',
  numero: 'Numéro',
  reception: 'Reçue le',
  tribunal: 'Tribunal',
  suspect: 'Mort violente ou suspecte',
  autorisation: 'Autorisation',
  permisInhumer: 'Permis d’inhumer',
  option: 'Option',
  regime: 'Régime',
  dot: 'Dot (FCFA)',
  dotPayee: 'Dot payée',
  dispenseBans: 'Dispense de bans',
  dispenseAge: 'Dispense d’âge',
  consentement: 'Consentement',
  publication: 'Publication des bans',
  epousesActuelles: 'Épouses actuelles',
  engageMonogamie: 'Engagement de monogamie',
  finUnionPrecedente: 'Fin de l’union précédente',
  piece: 'Pièce d’identité',
  declaration: 'Déclaration',
};
// Ids and technical flags are not shown to the reader of the acte.
const CACHES = new Set([
  'localiteId',
  'acteNaissanceId',
  'centreDeclarationId',
  'publicationId',
  'confirmerDoublon',
  'avertissements',
  'officier',
]);

function valeur(k: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  if (k === 'sexe') return v === 'M' ? 'masculin' : 'féminin';
  if (k === 'regime') return v === 'communaute' ? 'communauté de biens' : 'séparation de biens';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return dateFr(v);
  if (typeof v === 'number' && k === 'dot') return new Intl.NumberFormat('fr-FR').format(v).replace(/\u202f/g, ' ');
  return typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);
}

function Bloc({ titre, objet }: { titre: string; objet: Record<string, unknown> }) {
  const champs = Object.entries(objet).filter(([k]) => !CACHES.has(k));
  return (
    <Box>
      <Text fw={600} size="sm" mb={2}>
        {titre}
      </Text>
      {champs.map(([k, v]) => (
        <Text size="sm" key={k}>
          <Text span c="dimmed">
            {CHAMPS[k] ?? k} :
          </Text>{' '}
          {valeur(k, v)}
        </Text>
      ))}
    </Box>
  );
}

/** The acte: heading (type, number, register), then each recorded section. */
export function ActeFiche({ acte }: { acte: Acte }) {
  const d = acte.donnees;
  const blocs: { titre: string; objet: Record<string, unknown> }[] = [];
  const evenement: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) {
    if (CACHES.has(k)) continue;
    if (Array.isArray(v)) v.forEach((x, i) => blocs.push({ titre: `${SECTIONS[k] ?? k} ${i + 1}`, objet: x as Record<string, unknown> }));
    else if (v !== null && typeof v === 'object') blocs.push({ titre: SECTIONS[k] ?? k, objet: v as Record<string, unknown> });
    else if (v === null && (k === 'pere' || k === 'jugement')) {
      if (k === 'pere') blocs.push({ titre: 'Père', objet: { nom: 'non déclaré' } });
    } else evenement[k] = v;
  }
  return (
    <Box>
      <Group gap="sm" align="baseline" mb="xs">
        <Title order={3}>
          Acte de {ACTE_LABELS[acte.type].toLowerCase()} n°{acte.numero}/{acte.annee}
        </Title>
        {acte.tardif && <Badge color="orange">déclaration tardive</Badge>}
        {acte.source !== 'declaration' && <Badge color="grape">{SOURCE_LABELS[acte.source]}</Badge>}
      </Group>
      <Text size="sm" mb="sm">
        {NOM_REGISTRE[acte.registreType].replace(/^r/, 'R')} {acte.annee} — {acte.centreNom} — dressé le {dateFr(acte.dateActe)}{' '}
        par {acte.officier} ({acte.qualite}){acte.nina && ` — NINA ${acte.nina}`}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        {Object.keys(evenement).length > 0 && <Bloc titre={acte.type === 'mariage' ? 'Mariage' : 'Évènement'} objet={evenement} />}
        {blocs.map((b) => (
          <Bloc key={b.titre} titre={b.titre} objet={b.objet} />
        ))}
      </SimpleGrid>
      {acte.mentions.length > 0 && (
        <Box className="ec-papier-seul" mt="sm">
          <Text fw={600} size="sm">
            Mentions marginales
          </Text>
          {acte.mentions.map((m) => (
            <Text size="sm" key={m.id}>
              {dateFr(m.date)} — {m.texte} ({m.reference ?? ''}, {m.officier})
            </Text>
          ))}
        </Box>
      )}
    </Box>
  );
}

/** Print only the acte: the rest of the screen (navigation, buttons) is hidden on paper. */
export const STYLE_IMPRESSION =
  '.ec-papier-seul { display: none; } @media print { body * { visibility: hidden !important; } .ec-impression, .ec-impression * { visibility: visible !important; } .ec-impression { position: absolute; left: 0; top: 0; width: 100%; } .ec-papier-seul { display: block; } }';
