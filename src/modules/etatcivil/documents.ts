import type { Content } from 'pdfmake/interfaces.js';
import { formatDateFr } from '../../core/date.js';
import { bandeaux, enTete, piedDePage, renderPdf, type EnTeteCommune } from '../../platform/documents/pdf.js';
import type { Acte } from './schemas.js';

// Copies and extracts of actes (issue 10 §5): the copie intégrale carries every field and the mentions marginales
// as they stood on the day of the copy; the extrait avec filiation the person and the parents; the extrait sans
// filiation the person only. The layout follows the volet n°3 items (etat-civil.md §2.2, [L]).

type Copie = { id: number; type: 'copie_integrale' | 'extrait_avec_filiation' | 'extrait_sans_filiation'; date: string; demandeur: string; montant: number };
type Champ = [string, string | null | undefined];

const TITRES = { naissance: 'ACTE DE NAISSANCE', mariage: 'ACTE DE MARIAGE', deces: 'ACTE DE DÉCÈS' } as const;
const GENRE = { copie_integrale: 'COPIE INTÉGRALE', extrait_avec_filiation: 'EXTRAIT AVEC FILIATION', extrait_sans_filiation: 'EXTRAIT SANS FILIATION' } as const;

const d = (s: unknown) => (typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) ? formatDateFr(s) : typeof s === 'string' ? s : null);
const personne = (p: unknown): string | null => {
  if (!p || typeof p !== 'object') return null;
  const x = p as { prenoms?: string; nom?: string };
  return `${x.prenoms ?? ''} ${x.nom ?? ''}`.trim() || null;
};
const get = (o: unknown, k: string): unknown => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined);
const texte = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);

function parent(titre: string, p: unknown): Champ[] {
  if (!p) return [[titre, 'non déclaré']];
  return [
    [titre, personne(p)],
    [`   né(e) le / en`, d(get(p, 'naissance'))],
    ['   profession', texte(get(p, 'profession'))],
    ['   domicile', texte(get(p, 'domicile'))],
    ['   NINA', texte(get(p, 'nina'))],
  ];
}

/** The fields printed for an acte and a kind of copy, in the order of the printed form. */
export function champsDeCopie(a: Acte, genre: Copie['type']): Champ[] {
  const x = a.donnees;
  const filiation = genre !== 'extrait_sans_filiation';
  const integrale = genre === 'copie_integrale';
  if (a.type === 'naissance') {
    const e = get(x, 'enfant');
    const decl = get(x, 'declaration');
    const jug = get(x, 'jugement');
    return [
      ['Prénom(s) et nom', `${a.prenoms} ${a.nom}`],
      ['Sexe', a.sexe === 'M' ? 'masculin' : a.sexe === 'F' ? 'féminin' : null],
      ['Né(e) le', d(a.dateEvenement)],
      ['à (heure)', texte(get(e, 'heure'))],
      ['Lieu de naissance', texte(get(e, 'lieu'))],
      ['NINA', a.nina],
      ...(filiation ? [...parent('Père', get(x, 'pere')), ...parent('Mère', get(x, 'mere'))] : []),
      ...(integrale
        ? ([
            ['Déclarant', texte(get(get(x, 'declarant'), 'nom'))],
            ['   lien', texte(get(get(x, 'declarant'), 'lien'))],
            ['Déclaration', [d(get(decl, 'date')), texte(get(decl, 'numero')) ? `n°${String(get(decl, 'numero'))}` : null].filter(Boolean).join(' — ') || null],
            ['Jugement supplétif', jug ? `${String(get(jug, 'tribunal'))}, n°${String(get(jug, 'numero'))} du ${d(get(jug, 'date')) ?? ''}` : null],
          ] as Champ[])
        : []),
    ];
  }
  if (a.type === 'deces') {
    const df = get(x, 'defunt');
    return [
      ['Prénom(s) et nom', `${a.prenoms} ${a.nom}`],
      ['Sexe', a.sexe === 'M' ? 'masculin' : a.sexe === 'F' ? 'féminin' : null],
      ['Né(e) le / en', d(get(df, 'naissance'))],
      ['Profession', texte(get(df, 'profession'))],
      ['Domicile', texte(get(df, 'domicile'))],
      ['NINA', a.nina],
      ['Décédé(e) le', d(a.dateEvenement)],
      ['Lieu du décès', texte(get(x, 'lieu'))],
      ...(integrale ? ([['Déclarant', texte(get(get(x, 'declarant'), 'nom'))], ['   lien', texte(get(get(x, 'declarant'), 'lien'))], ['Permis d’inhumer', texte(get(x, 'permisInhumer'))]] as Champ[]) : []),
    ];
  }
  const conjoint = (t: string, c: unknown): Champ[] => [
    [t, personne(c)],
    ['   né(e) le / en', d(get(c, 'naissance'))],
    ['   profession', texte(get(c, 'profession'))],
    ['   domicile', texte(get(c, 'domicile'))],
    ['   NINA', texte(get(c, 'nina'))],
  ];
  const temoins = (get(x, 'temoins') as { nom: string }[] | undefined) ?? [];
  return [
    ['Célébré le', d(a.dateEvenement)],
    ...conjoint('Époux', get(x, 'epoux')),
    ...conjoint('Épouse', get(x, 'epouse')),
    ['Option', texte(get(x, 'option'))],
    ['Régime des biens', get(x, 'regime') === 'communaute' ? 'communauté' : get(x, 'regime') === 'separation' ? 'séparation de biens' : null],
    ...(integrale ? ([['Dot', typeof get(x, 'dot') === 'number' ? `${String(get(x, 'dot'))} FCFA` : null], ['Témoins', temoins.map((t) => t.nom).join(', ') || null]] as Champ[]) : []),
  ];
}

/**
 * The extrait handed to the declarant with the acte: volet n°3, free (rule 13; etat-civil.md §2.2 « Volet N°3 –
 * Original remis au déclarant »). Printed from the acte as recorded, with its NINA when known.
 */
export function volet3Pdf(a: Acte, commune: EnTeteCommune, genereLe: string): Promise<Buffer> {
  const declarant = (a.donnees.declarant as { nom?: string } | undefined)?.nom ?? 'le déclarant';
  return copiePdf(a, { id: 0, type: 'extrait_avec_filiation', date: a.dateActe, demandeur: declarant, montant: 0 }, commune, genereLe, 'VOLET N°3 — ORIGINAL REMIS AU DÉCLARANT (gratuit)');
}

export async function copiePdf(a: Acte, c: Copie, commune: EnTeteCommune, genereLe: string, intitule?: string): Promise<Buffer> {
  const champs = champsDeCopie(a, c.type).filter(([, v]) => v !== null && v !== undefined && v !== '');
  // Mentions as they stood on the day of the copy (a later mention is not on a copy delivered before it).
  const mentions = c.type === 'copie_integrale' ? a.mentions.filter((m) => m.date <= c.date) : [];
  const content: Content[] = [
    enTete(commune),
    ...bandeaux({ provisoire: false, demonstration: commune.demonstration }),
    { text: `${a.centreNom.toUpperCase()}`, alignment: 'center', fontSize: 9, margin: [0, 0, 0, 2] },
    { text: TITRES[a.type], alignment: 'center', bold: true, fontSize: 14 },
    { text: `N° ${a.numero} — Registre ${a.registreType === 'transcriptions_jugements' ? 'spécial des transcriptions de jugements supplétifs' : `des ${a.type === 'deces' ? 'décès' : `${a.type}s`}`} de ${a.annee}`, alignment: 'center', margin: [0, 2, 0, 2] },
    { text: intitule ?? GENRE[c.type], alignment: 'center', bold: true, color: '#0f766e', margin: [0, 0, 0, 12] },
    {
      table: { widths: [150, '*'], body: champs.map(([k, v]) => [{ text: k, color: '#444' }, { text: String(v), bold: !k.startsWith(' ') }]) },
      layout: 'lightHorizontalLines',
    },
    { text: `Acte dressé le ${formatDateFr(a.dateActe)} par ${a.officier}, ${a.qualite}, officier de l’état civil.`, margin: [0, 10, 0, 0] },
    ...(c.type === 'copie_integrale'
      ? [
          { text: 'Mentions marginales', bold: true, margin: [0, 12, 0, 4] } as Content,
          mentions.length === 0 ? ({ text: 'Néant.', italics: true } as Content) : ({ ul: mentions.map((m) => `${formatDateFr(m.date)} — ${m.texte}${m.reference ? ` (${m.reference})` : ''}`) } as Content),
        ]
      : []),
    {
      columns: [
        { text: `Délivré(e) le ${formatDateFr(c.date)} à ${c.demandeur}.${c.montant > 0 ? ` Droit acquitté : ${c.montant} FCFA.` : ''}`, width: '*' },
        { text: 'L’officier de l’état civil\n\n\n', alignment: 'center', width: 180 },
      ],
      margin: [0, 24, 0, 0],
    },
  ];
  return renderPdf({ content, footer: piedDePage(genereLe), info: { title: `${GENRE[c.type]} — ${TITRES[a.type]} n°${a.numero}/${a.annee}` } });
}
