import { describe, expect, it } from 'vitest';
import { formatDateFr } from '../../core/date.js';
import { formatFcfa } from '../../core/money.js';
import { phraseDe, phraseGenerique, type EntreeLue } from './phrases.js';

const entree = (action: string, details: unknown, entiteId = '41'): EntreeLue => ({ action, utilisateur: 'Awa Traoré', entiteId, details });

/** What a maire must never read in a sentence: camelCase keys, ISO dates, raw codes, JSON or `undefined`. */
function lisible(phrase: string): void {
  expect(phrase).not.toMatch(/[a-z][A-Z]/);
  expect(phrase).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  expect(phrase).not.toMatch(/[{}[\]"_]|undefined|null|NaN/);
}

// Payloads as the services journal them (depenses/service.ts, transmission.ts, mois.ts).
const EXEMPLES: [string, Record<string, unknown>][] = [
  [
    'mandat.emis',
    { exercice: 2026, numero: 97, date: '2026-03-05', liquidationId: 12, indexId: null, montantBrut: 250_000, retenues: [], net: 240_000 },
  ],
  ['mandat.annulation', { numero: 97, type: 'annulation', date: '2026-03-09', motif: 'Double emploi', avis: null }],
  ['mandat.reduction', { numero: 97, type: 'reduction', date: '2026-03-09', motif: 'Erreur de calcul', montant: 10_000, avis: 2 }],
  ['mandat.rejet', { numero: 97, type: 'rejet', date: '2026-03-12', motif: 'Pièce manquante' }],
  ['mandat.paiement', { numero: 97, type: 'paiement', date: '2026-03-15', mode: 'virement', reference: 'VIR-88' }],
  [
    'engagement.cree',
    {
      exercice: 2026,
      numero: 8,
      date: '2026-03-01',
      ligneId: 3,
      tiersId: 2,
      objet: 'Fournitures',
      montant: 250_000,
      pieceType: 'bon_de_commande',
      pieceRef: 'BC-2026-004',
    },
  ],
  ['engagement.degage', { numero: 8, date: '2026-04-01', montant: 5_000, motif: 'Reliquat non utilisé' }],
  [
    'liquidation.creee',
    { exercice: 2026, numero: 5, engagementId: 8, date: '2026-03-04', serviceFait: '2026-03-03', factureRef: 'F-1', montant: 250_000 },
  ],
  [
    'bordereau.emis',
    { exercice: 2026, numero: 3, section: 'fonctionnement', date: '2026-03-31', dateTransmission: null, mandats: [4, 5, 6] },
  ],
  ['bordereau.transmis', { numero: 3, date: '2026-04-02' }],
  ['mandatement.mois', { periode: '2026-03', emis: 14, total: 1_050_000, exclus: [] }],
  ['tiers.cree', { nom: 'Ets Diarra et Frères', type: 'fournisseur', nif: null }],
  ['index.enregistre', { numero: 12, nature: '6611', tiersId: 4, objet: 'Salaire du planton', montant: 75_000 }],
  // Payloads as budget/service.ts, recettes/regie.ts, recettes/caisse.ts, etatcivil/actes.ts and copies.ts journal them.
  ['exercice.supprime', { lignesBrouillon: 9 }],
  [
    'quittance.encaissee',
    {
      serie: '2026-A',
      numero: 135,
      quittancierId: 2,
      date: '2026-03-05',
      payeur: 'Moussa Diallo',
      menageId: 7,
      localiteId: 3,
      montant: 3_000,
      lignes: [{ articleId: 1, montant: 3_000 }],
    },
  ],
  ['quittance.annulee', { serie: '2026-A', numero: 135, date: '2026-03-06', motif: 'Erreur de nom' }],
  ['versement.fait', { exercice: 2026, numero: 4, montant: 150_000, quittances: 38, date: '2026-03-31', reference: 'R-2026-77' }],
  // As tresorerie/import.ts journals it.
  [
    'releve_percepteur.importe',
    { exercice: 2026, fichier: 'releve-perception.csv', empreinte: 'ab12', lignes: 8, montant: 2_016_855, deja: 1 },
  ],
  [
    'etatcivil.acte.naissance',
    {
      registreId: 1,
      numero: 42,
      centreId: 1,
      dateActe: '2026-03-05',
      enfant: { nom: 'Traoré', prenoms: 'Awa', sexe: 'F', date: '2026-03-01', lieu: 'Sanando' },
    },
  ],
  [
    'etatcivil.acte.deces',
    { registreId: 2, numero: 7, centreId: 1, dateActe: '2026-03-05', defunt: { nom: 'Keïta', prenoms: 'Sidiki', sexe: 'M' } },
  ],
  [
    'etatcivil.copie',
    { acteId: 4, type: 'extrait_avec_filiation', date: '2026-03-05', demandeur: 'Yacouba Togola', quittance: null, montant: 100 },
  ],
];

describe('the historique reads as sentences', () => {
  it('a quittance, a versement and an acte say their numbers, amounts, names and French dates', () => {
    expect(phraseDe(entree('quittance.encaissee', EXEMPLES.find(([a]) => a === 'quittance.encaissee')![1]))).toBe(
      `Quittance 2026-A n°135 du 05/03/2026 encaissée par Awa Traoré : ${formatFcfa(3_000)} de Moussa Diallo.`,
    );
    expect(phraseDe(entree('versement.fait', EXEMPLES.find(([a]) => a === 'versement.fait')![1]))).toContain('récépissé R-2026-77');
    expect(phraseDe(entree('etatcivil.acte.naissance', EXEMPLES.find(([a]) => a === 'etatcivil.acte.naissance')![1]))).toBe(
      'Acte de naissance n°42 dressé par Awa Traoré le 05/03/2026 : Awa Traoré, née le 01/03/2026.',
    );
    expect(phraseDe(entree('exercice.supprime', { lignesBrouillon: 9 }, '2027'))).toBe(
      'Exercice 2027, ouvert par erreur, supprimé par Awa Traoré avec 9 lignes de brouillon.',
    );
  });

  it('a mandat issued says its number, who issued it, its amount in FCFA and its date in French', () => {
    const [, d] = EXEMPLES[0]!;
    const p = phraseDe(entree('mandat.emis', d));
    expect(p).toContain(`n°${String(d.numero)}`);
    expect(p).toContain('Awa Traoré');
    expect(p).toContain(formatFcfa(d.montantBrut as number));
    expect(p).toContain(formatDateFr(d.date as string));
    lisible(p);
  });

  it('a month run starting with a vowel elides: « d’octobre »', () => {
    expect(phraseDe(entree('mandatement.mois', { periode: '2026-10', emis: 2, total: 5 }))).toContain('d’octobre 2026');
  });

  it('an engagement names its pièce as words, with its number', () => {
    const [, d] = EXEMPLES[5]!;
    const p = phraseDe(entree('engagement.cree', d));
    expect(p).toContain('bon de commande BC-2026-004');
    expect(p).toContain(formatFcfa(d.montant as number));
  });

  it.each(EXEMPLES)('%s reads as French with its figures, not as keys', (action, d) => {
    const p = phraseDe(entree(action, d));
    lisible(p);
    expect(p).not.toBe(phraseGenerique(entree(action, d)));
    for (const k of ['montant', 'montantBrut', 'total'] as const) if (typeof d[k] === 'number') expect(p).toContain(formatFcfa(d[k]));
  });

  it('an act with no sentence of its own still reads as labelled French', () => {
    const p = phraseDe(
      entree('caisse.arretee', { numeroQuittance: 'Q-12', montantPaye: 2_500, dateEncaissement: '2026-05-02', sansRecu: false }),
    );
    lisible(p);
    expect(p).toContain('Awa Traoré');
    expect(p).toContain(formatFcfa(2_500));
    expect(p).toContain(formatDateFr('2026-05-02'));
    // An internal id means nothing to the reader.
    expect(p).not.toContain('345');
  });

  it('an entry whose payload is not what its type expects falls back rather than printing undefined', () => {
    lisible(phraseDe(entree('mandat.emis', null)));
    lisible(phraseDe(entree('mandat.emis', 'texte libre')));
  });
});
