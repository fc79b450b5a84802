import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { formatDateFr } from '../../core/date.js';
import type { Article, RoleDetail, Titre } from './schemas.js';
import { A_CONFIRMER, alerte, arrete, commun, type Contexte, f, faitA, lettres, n, nomenclature, page, r, registre, signatures, somme, th } from './documents-commun.js';

// The printed documents of the recettes (issue 9), each first as data computed from the records (the JSON
// export, what the tests check), then drawn by pdfmake from that same data: the rôle and the titre de recette.

const TYPE_ROLE: Record<string, string> = { principal: 'principal', supplementaire: 'supplémentaire' };

// ---- 1. rôle d'un village -------------------------------------------------------------------------------

export const NON_HOMOLOGUE = 'NON HOMOLOGUÉ — ne peut être mis en recouvrement';

/** What a roll line taxes, in words: the person, the household, or the heads and units held. */
function base(l: { personne: string | null; quantite: number; article: string }, articles: readonly Article[]): string {
  if (l.personne) return l.personne;
  const mode = articles.find((a) => a.code === l.article)?.mode;
  if (mode === 'par_famille') return 'le ménage';
  if (mode === 'par_tete') return `${l.quantite} tête${l.quantite > 1 ? 's' : ''}`;
  return `${l.quantite} unité${l.quantite > 1 ? 's' : ''}`;
}

/** The roll as data: its lines, totals per item and overall, and one payment notice per household. */
export function roleDocument(d: RoleDetail, articles: readonly Article[], ctx: Contexte) {
  const { actions: _actions, ...role } = d.role;
  const lignes = d.lignes.map(({ id: _id, ...l }) => l);
  const codes = [...new Set(lignes.map((l) => l.article))];
  const totauxParArticle = codes.map((code) => {
    const ls = lignes.filter((l) => l.article === code);
    const a = articles.find((x) => x.code === code);
    return {
      article: code,
      libelle: ls[0]?.articleLibelle ?? code,
      taux: [...new Set(ls.map((l) => l.taux))],
      tauxAConfirmer: a?.aConfirmer ?? false,
      lignes: ls.length,
      quantite: somme(ls, (l) => l.quantite),
      montant: somme(ls, (l) => l.montant),
      reduit: somme(ls, (l) => l.reduit),
      recouvre: somme(ls, (l) => l.recouvre),
      reste: somme(ls, (l) => l.reste),
    };
  });
  const total = {
    montant: somme(lignes, (l) => l.montant),
    reduit: somme(lignes, (l) => l.reduit),
    recouvre: somme(lignes, (l) => l.recouvre),
    reste: somme(lignes, (l) => l.reste),
  };
  const menages = [...new Set(lignes.map((l) => l.menageId))];
  const recouvrable = role.etat === 'homologue';
  const avertissements = recouvrable
    ? menages.map((id) => {
        const ls = lignes.filter((l) => l.menageId === id);
        const du = somme(ls, (l) => l.montant - l.reduit);
        const paye = somme(ls, (l) => l.recouvre);
        return {
          menageId: id,
          menageNumero: ls[0]?.menageNumero ?? '',
          chef: ls[0]?.chef ?? '',
          elements: ls.map((l) => ({ article: l.article, libelle: l.articleLibelle, base: base(l, articles), montant: l.montant - l.reduit, reste: l.reste })),
          totalDu: du,
          dejaPaye: paye,
          resteAPayer: du - paye,
          resteEnLettres: lettres(du - paye),
        };
      })
    : [];
  return {
    document: 'role',
    role: { ...role, recouvrable, mention: role.etat === 'annule' ? `ANNULÉ le ${formatDateFr(role.annulation?.date ?? '')}${role.annulation?.motif ? ` : ${role.annulation.motif}` : ''}` : recouvrable ? null : NON_HOMOLOGUE },
    lignes,
    totauxParArticle,
    total,
    montantEnLettres: lettres(total.montant),
    exclusions: d.exclusions,
    avertissements,
    ordonnateur: ctx.ordonnateur,
    ...commun(ctx),
  };
}
export type RoleDocument = ReturnType<typeof roleDocument>;

const tauxTexte = (t: RoleDocument['totauxParArticle'][number]) => `${t.taux.map(n).join(' / ')}${t.tauxAConfirmer ? ` (${A_CONFIRMER})` : ''}`;

function avertissementPdf(d: RoleDocument, a: RoleDocument['avertissements'][number], ctx: Contexte): Content {
  const body: TableCell[][] = [[th('Taxe'), th('Personne / base'), th('Montant', true), th('Reste dû', true)]];
  for (const e of a.elements) body.push([e.libelle, e.base, r(n(e.montant)), r(n(e.reste))]);
  body.push([{ text: 'TOTAL', bold: true, colSpan: 2 }, '', r(n(a.totalDu), true), r(n(a.resteAPayer), true)]);
  return {
    unbreakable: true,
    stack: [
      {
        columns: [
          { text: `COMMUNE ${ctx.commune.type.toUpperCase()} DE ${ctx.commune.nom.toUpperCase()}`, bold: true, fontSize: 8, width: '*' },
          { text: `Exercice ${d.role.exercice}`, alignment: 'right', fontSize: 8, width: 'auto' },
        ],
      },
      { text: `AVERTISSEMENT — Rôle ${TYPE_ROLE[d.role.type]} n°${d.role.numero} de ${d.role.localiteNom}`, bold: true, fontSize: 11, margin: [0, 2, 0, 2] },
      ...(ctx.commune.demonstration ? [{ text: 'COMMUNE FICTIVE DE DÉMONSTRATION — SANS VALEUR', color: '#c2410c', bold: true, fontSize: 8 } as Content] : []),
      { text: [{ text: `Ménage n°${a.menageNumero}`, bold: true }, ` — chef de ménage : ${a.chef}`] },
      { table: { headerRows: 1, widths: ['*', '*', 60, 60], body }, layout: registre, fontSize: 8, margin: [0, 3, 0, 3] },
      {
        text:
          a.resteAPayer === 0
            ? [{ text: 'SOLDÉ', bold: true }, ` — payé : ${f(a.dejaPaye)}`]
            : [
                'Reste à payer : ',
                { text: `${f(a.resteAPayer)}`, bold: true },
                { text: ` (${a.resteEnLettres})`, italics: true },
                a.dejaPaye > 0 ? ` — déjà payé : ${f(a.dejaPaye)}` : '',
              ],
      },
      { text: 'À payer auprès du régisseur de recettes de la mairie ou du chef de village, contre quittance.', italics: true, margin: [0, 2, 0, 0] },
      {
        text: `Rôle homologué le ${formatDateFr(d.role.homologation?.date ?? '')}${d.role.homologation?.reference ? ` (${d.role.homologation.reference})` : ''}.`,
        fontSize: 7,
        color: '#444',
      },
      { canvas: [{ type: 'line', x1: 0, y1: 8, x2: 523, y2: 8, dash: { length: 4, space: 3 }, lineWidth: 0.5, lineColor: '#666' }] },
      { text: 'découper ici', fontSize: 6, color: '#888', alignment: 'center', margin: [0, 0, 0, 6] },
    ],
  };
}

export function rolePdf(d: RoleDocument, ctx: Contexte): Promise<Buffer> {
  const h = d.role.homologation;
  const entete: TableCell[][] = [
    ['Exercice', String(d.role.exercice)],
    ['Village / fraction', { text: d.role.localiteNom, bold: true }],
    ['Rôle', `n°${d.role.numero} — ${TYPE_ROLE[d.role.type]}, établi le ${formatDateFr(d.role.date)}`],
    ['Homologation', h ? `le ${formatDateFr(h.date)}, ${h.reference ?? 'sans référence'}, par ${h.autorite ?? 'l’autorité de tutelle'}` : { text: NON_HOMOLOGUE, color: '#b91c1c', bold: true }],
  ];
  const body: TableCell[][] = [
    [th('Ménage'), th('Chef'), th('Personne'), th('Article'), th('Qté', true), th('Taux', true), th('Montant', true), th('Réduit', true), th('Recouvré', true), th('Reste', true)],
  ];
  // The household and its chef once, on its first line: the register reads by household.
  d.lignes.forEach((l, i) => {
    const premiere = i === 0 || d.lignes[i - 1]?.menageId !== l.menageId;
    body.push([premiere ? l.menageNumero : '', premiere ? l.chef : '', l.personne ?? '—', l.article, r(n(l.quantite)), r(n(l.taux)), r(n(l.montant)), r(n(l.reduit)), r(n(l.recouvre)), r(n(l.reste))]);
  });
  body.push([{ text: 'TOTAL DU RÔLE', bold: true, colSpan: 6 }, '', '', '', '', '', r(n(d.total.montant), true), r(n(d.total.reduit), true), r(n(d.total.recouvre), true), r(n(d.total.reste), true)]);
  const totaux: TableCell[][] = [[th('Article'), th('Taux (FCFA)', true), th('Lignes', true), th('Quantité', true), th('Montant', true), th('Réduit', true), th('Recouvré', true), th('Reste', true)]];
  for (const t of d.totauxParArticle)
    totaux.push([`${t.article} — ${t.libelle}`, r(tauxTexte(t)), r(n(t.lignes)), r(n(t.quantite)), r(n(t.montant)), r(n(t.reduit)), r(n(t.recouvre)), r(n(t.reste))]);
  totaux.push([{ text: 'TOTAL', bold: true, colSpan: 4 }, '', '', '', r(n(d.total.montant), true), r(n(d.total.reduit), true), r(n(d.total.recouvre), true), r(n(d.total.reste), true)]);
  const content: Content[] = [
    ...(d.role.mention ? [alerte(d.role.mention)] : []),
    { table: { widths: [110, '*'], body: entete }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 8] },
    { table: { headerRows: 1, widths: [36, 90, '*', 38, 22, 34, 44, 36, 42, 40], body, dontBreakRows: true }, layout: registre, fontSize: 7.5 },
    { text: 'Totaux par article', bold: true, margin: [0, 10, 0, 2] },
    { table: { headerRows: 1, widths: ['*', 70, 30, 40, 50, 45, 50, 45], body: totaux }, layout: registre, fontSize: 8 },
    arrete('le présent rôle', d.total.montant),
    ...(d.exclusions.length ? [{ text: `${d.exclusions.length} personne(s) non imposée(s) : ${d.exclusions.map((e) => `${e.personne} (ménage ${e.menageNumero}, ${e.libelle})`).join(' ; ')}.`, fontSize: 7, color: '#444' } as Content] : []),
    signatures([{ titre: 'L’ordonnateur, le Maire', nom: ctx.ordonnateur }, { titre: 'Reçu par le chef de village' }]),
  ];
  if (d.avertissements.length) {
    content.push({ text: `AVERTISSEMENTS — ${d.avertissements.length} ménage(s)`, bold: true, fontSize: 12, alignment: 'center', pageBreak: 'before', margin: [0, 0, 0, 8] });
    for (const a of d.avertissements) content.push(avertissementPdf(d, a, ctx));
  } else content.push({ text: 'Pas d’avertissement : le rôle doit être homologué avant d’être mis en recouvrement.', italics: true, margin: [0, 10, 0, 0] });
  return page(ctx, `RÔLE N°${d.role.numero} / ${d.role.exercice} — ${d.role.localiteNom.toUpperCase()}`, content);
}

// ---- 2. titre de recette --------------------------------------------------------------------------------

export interface CorrectionTitre {
  exercice: number;
  numero: number;
  type: 'annulation' | 'reduction';
  date: string;
  montant: number;
  motif: string;
  ligneRole: string | null;
}

const TYPE_CORRECTION: Record<CorrectionTitre['type'], string> = { annulation: 'Annulation', reduction: 'Réduction' };
const ETAT_TITRE: Record<Titre['etat'], string> = {
  emis: 'émis',
  reduit: 'réduit',
  partiellement_recouvre: 'partiellement recouvré',
  recouvre: 'recouvré',
  annule: 'annulé',
};

export function titreDocument(t: Titre, corrections: readonly CorrectionTitre[], nature: { code: string | null; libelle: string }, ctx: Contexte) {
  const { actions: _actions, ...titre } = t;
  const totalCorrections = somme(corrections, (c) => c.montant);
  return {
    document: 'titre',
    ...titre,
    etatLibelle: ETAT_TITRE[t.etat],
    imputation: { nature: nature.code, libelle: nature.libelle, texte: nature.code ? `${nature.code} — ${nature.libelle}` : `${nature.libelle} (sans ligne budgétaire)` },
    montantEnLettres: lettres(t.montant),
    corrections,
    totalCorrections,
    net: t.montant - totalCorrections,
    netEnLettres: lettres(t.montant - totalCorrections),
    ordonnateur: { nom: ctx.ordonnateur, lieu: ctx.commune.nom, date: t.date },
    ...nomenclature(ctx),
    ...commun(ctx),
  };
}
export type TitreDocument = ReturnType<typeof titreDocument>;

export function titrePdf(d: TitreDocument, ctx: Contexte): Promise<Buffer> {
  const rows: TableCell[][] = [
    ['Exercice / numéro', `${d.exercice} / n°${d.numero}`],
    ['Date d’émission', formatDateFr(d.date)],
    ['Imputation', d.imputation.texte],
    ['Recette', `${d.article} — ${d.articleLibelle}`],
    ['Débiteur', { text: d.debiteur, bold: true }],
    ...(d.localiteNom ? [['Village / fraction', d.localiteNom]] : []),
    ['Objet', d.objet],
    ['Nature du titre', d.collectif ? 'Titre collectif émis par l’homologation du rôle (les dettes sont sur les lignes du rôle)' : 'Titre individuel'],
    ['Montant', { text: `${f(d.montant)} (${d.montantEnLettres})`, bold: true }],
  ];
  const corr: TableCell[][] = [[th('N°'), th('Type'), th('Date'), th('Motif'), th('Montant', true)]];
  for (const c of d.corrections)
    corr.push([`${c.numero}/${c.exercice}`, TYPE_CORRECTION[c.type], formatDateFr(c.date), `${c.motif}${c.ligneRole ? ` — ${c.ligneRole}` : ''}`, r(`−\u00a0${n(c.montant)}`)]);
  const situation: TableCell[][] = [
    [th('Émis', true), th('Corrections', true), th('Net', true), th('Recouvré', true), th('Reste à recouvrer', true)],
    [r(n(d.montant)), r(n(d.totalCorrections)), r(n(d.net), true), r(n(d.recouvre)), r(n(d.reste), true)],
  ];
  return page(
    ctx,
    `TITRE DE RECETTE N°${d.numero} / ${d.exercice}`,
    [
      { text: 'Ordre de recette', alignment: 'center', italics: true, margin: [0, -6, 0, 8] },
      ...(d.etat === 'annule' ? [alerte('TITRE ANNULÉ')] : []),
      { table: { widths: [120, '*'], body: rows }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 8] },
      { text: 'Corrections (contre-écritures numérotées)', bold: true, margin: [0, 4, 0, 2] },
      d.corrections.length
        ? { table: { headerRows: 1, widths: [40, 60, 55, '*', 70], body: corr }, layout: 'lightHorizontalLines' }
        : { text: 'Aucune correction.', italics: true },
      { text: 'Situation', bold: true, margin: [0, 8, 0, 2] },
      { table: { widths: ['*', '*', '*', '*', '*'], body: situation }, layout: 'lightHorizontalLines' },
      { text: `État : ${d.etatLibelle}.`, margin: [0, 4, 0, 0] },
      arrete('le présent titre', d.montant),
      ...(d.totalCorrections > 0 ? [{ text: `Après corrections, net à recouvrer : ${d.netEnLettres} (${f(d.net)}).`, italics: true } as Content] : []),
      faitA(ctx, d.date),
      signatures([{ titre: 'L’ordonnateur, le Maire', nom: ctx.ordonnateur }, { titre: 'Pris en charge, le Receveur-percepteur' }]),
    ],
    { provisoire: d.nomenclatureProvisoire },
  );
}
