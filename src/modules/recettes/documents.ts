import type { Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { svgBarres } from '../../core/graphique.js';
import { formatDateFr } from '../../core/date.js';
import { fcfa, formatFcfa, formatNombre } from '../../core/money.js';
import { montantEnLettres } from '../../core/words.js';
import { AVERTISSEMENT_NOMENCLATURE_PROVISOIRE, bandeaux, enTete, piedDePage, renderPdf, type EnTeteCommune } from '../../platform/documents/pdf.js';
import type { Article, Quittance, RoleDetail, Titre, Versement } from './schemas.js';

// The printed documents of the recettes (issue 9): each one first as data computed from the records (the JSON
// export, what the tests check), then drawn by pdfmake from that same data. Nothing is typed twice.

export interface Contexte {
  commune: EnTeteCommune;
  genereLe: string;
  /** The maire's name, under the ordonnateur's signature; null leaves a blank line. */
  ordonnateur: string | null;
  /** The budget natures of the catalogue belong to GM2i's provisional chart until the official annex is had. */
  nomenclatureProvisoire: boolean;
  /** Labels of the budget natures (the chart's), when the document shows natures. */
  libellesNatures: ReadonlyMap<string, string>;
}

export const A_CONFIRMER = 'à confirmer';
const n = (v: number) => formatNombre(v);
const f = (v: number) => formatFcfa(v);
const lettres = (v: number) => montantEnLettres(fcfa(v));
const BLANC = '……………………………………';
const th = (text: string, right = false): TableCell => ({ text, bold: true, fillColor: '#e5e7eb', ...(right ? { alignment: 'right' as const } : {}) });
const r = (text: string, bold = false): TableCell => ({ text, alignment: 'right', bold });
const somme = <T>(xs: readonly T[], g: (x: T) => number) => xs.reduce((s, x) => s + g(x), 0);

/** A rate in basis points as a French percentage, without floats: 5 000 → « 50,00 % ». */
export function pourcent(bp: number | null): string {
  if (bp === null) return '—';
  return `${Math.trunc(bp / 100)},${String(Math.abs(bp) % 100).padStart(2, '0')}\u00a0%`;
}

/** A share in basis points, short: 8 000 → « 80 % », 1 250 → « 12,50 % ». */
const part = (bp: number) => (bp % 100 === 0 ? `${bp / 100}\u00a0%` : pourcent(bp));

const commun = (ctx: Contexte) => ({ commune: ctx.commune, demonstration: ctx.commune.demonstration, genereLe: ctx.genereLe });
const nomenclature = (ctx: Contexte) =>
  ctx.nomenclatureProvisoire ? { nomenclatureProvisoire: true, avertissement: AVERTISSEMENT_NOMENCLATURE_PROVISOIRE } : { nomenclatureProvisoire: false };

const registre: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : i === node.table.headerRows ? 1.5 : 0.5),
  vLineWidth: () => 0,
  hLineColor: (i) => (i === 1 ? 'black' : '#aaa'),
  paddingLeft: (i) => (i === 0 ? 0 : 3),
  paddingRight: (i, node) => (i === (node.table.widths?.length ?? 0) - 1 ? 0 : 3),
};

function page(ctx: Contexte, titre: string, body: Content[], o: { provisoire?: boolean; dd?: Partial<TDocumentDefinitions> } = {}): Promise<Buffer> {
  return renderPdf({
    content: [
      enTete(ctx.commune),
      ...bandeaux({ provisoire: o.provisoire ?? false, demonstration: ctx.commune.demonstration }),
      { text: titre, fontSize: 14, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
      ...body,
    ],
    footer: piedDePage(ctx.genereLe),
    ...o.dd,
  });
}

const signatures = (blocs: { titre: string; nom?: string | null }[]): Content => ({
  columns: blocs.map((b) => ({
    stack: [{ text: b.titre, bold: true }, { text: '\n\n\n\n' }, { text: b.nom === undefined ? '' : (b.nom ?? BLANC) }],
    alignment: 'center' as const,
  })),
  margin: [0, 12, 0, 0],
  unbreakable: true,
});

const faitA = (ctx: Contexte, date: string): Content => ({ text: `Fait à ${ctx.commune.nom}, le ${formatDateFr(date)}`, alignment: 'right', margin: [0, 12, 0, 0] });

const arrete = (quoi: string, montant: number): Content => ({
  text: [{ text: `Arrêté ${quoi} à la somme de `, italics: true }, { text: `${lettres(montant)} (${f(montant)}).`, bold: true }],
  margin: [0, 8, 0, 8],
});

const alerte = (text: string): Content => ({ text, color: '#b91c1c', bold: true, fontSize: 12, alignment: 'center', margin: [0, 4, 0, 8] });

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
    role: { ...role, recouvrable, mention: role.etat === 'annule' ? `ANNULÉ le ${formatDateFr(role.annulation?.date ?? '')}` : recouvrable ? null : NON_HOMOLOGUE },
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

// ---- 3. quittance ---------------------------------------------------------------------------------------

export interface OrigineLigne {
  rang: number;
  role: { numero: number; exercice: number } | null;
  titre: { numero: number; exercice: number } | null;
}

export function quittanceDocument(q: Quittance, origines: readonly OrigineLigne[], agents: { saisiPar: string | null; agent: string | null }, ctx: Contexte) {
  const { actions: _actions, ...quittance } = q;
  const lignes = q.lignes.map((l) => {
    const o = origines.find((x) => x.rang === l.rang);
    const paie = o?.role ? `Rôle n°${o.role.numero}/${o.role.exercice}` : o?.titre ? `Titre n°${o.titre.numero}/${o.titre.exercice}` : 'Paiement comptant';
    return { ...l, paie };
  });
  return {
    document: 'quittance',
    ...quittance,
    lignes,
    total: somme(lignes, (l) => l.montant),
    montantEnLettres: lettres(q.montant),
    /** The chef de village when he collects on his roll with his own book; else the agent the book was handed to; null at the desk. */
    collecteur: q.collecteur ?? agents.agent,
    collecteurEstChefDeVillage: q.collecteur !== null,
    regisseur: agents.saisiPar,
    ...commun(ctx),
  };
}
export type QuittanceDocument = ReturnType<typeof quittanceDocument>;

export function quittancePdf(d: QuittanceDocument, ctx: Contexte): Promise<Buffer> {
  const body: TableCell[][] = [[th('Article'), th('Au titre de'), th('Montant', true)]];
  for (const l of d.lignes) body.push([`${l.articleLibelle}${l.personne ? ` — ${l.personne}` : ''}`, l.paie, r(n(l.montant))]);
  body.push([{ text: 'TOTAL', bold: true, colSpan: 2 }, '', r(n(d.total), true)]);
  const content: Content[] = [
    {
      columns: [
        { text: `COMMUNE ${ctx.commune.type.toUpperCase()} DE ${ctx.commune.nom.toUpperCase()}`, bold: true, width: '*' },
        { text: 'RÉPUBLIQUE DU MALI', bold: true, alignment: 'right', width: 'auto' },
      ],
      fontSize: 7,
    },
    { text: `Cercle de ${ctx.commune.cercle} — Région de ${ctx.commune.region}`, fontSize: 7, margin: [0, 0, 0, 4] },
    ...bandeaux({ provisoire: false, demonstration: ctx.commune.demonstration }).map((b) => ({ ...(b as object), fontSize: 7 }) as Content),
    { text: 'QUITTANCE', fontSize: 13, bold: true, alignment: 'center' },
    { text: `Série ${d.serie} — n°${d.numero}`, fontSize: 11, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
    ...(d.annulee ? [{ text: `ANNULÉE le ${formatDateFr(d.annulee.date)} : ${d.annulee.motif}`, color: '#b91c1c', bold: true, alignment: 'center', margin: [0, 0, 0, 4] } as Content] : []),
    { text: [{ text: 'Date : ', bold: true }, formatDateFr(d.date), '   ', { text: 'Exercice : ', bold: true }, String(d.exercice)] },
    { text: [{ text: 'Reçu de : ', bold: true }, d.payeur] },
    ...(d.localiteNom ? [{ text: [{ text: 'Village : ', bold: true }, d.localiteNom] } as Content] : []),
    { table: { headerRows: 1, widths: ['*', 62, 46], body }, layout: registre, fontSize: 7.5, margin: [0, 4, 0, 4] },
    { text: [{ text: 'Somme reçue : ', bold: true }, { text: f(d.total), bold: true }] },
    { text: d.montantEnLettres, italics: true, margin: [0, 0, 0, 6] },
    {
      columns: [
        ...(d.collecteur !== null
          ? [{ stack: [{ text: d.collecteurEstChefDeVillage ? 'Le collecteur (chef de village)' : 'L’agent collecteur', bold: true }, { text: '\n\n' }, d.collecteur], alignment: 'center' as const }]
          : []),
        { stack: [{ text: 'Le régisseur de recettes', bold: true }, { text: '\n\n' }, d.regisseur ?? BLANC], alignment: 'center' as const },
      ],
      fontSize: 7,
      unbreakable: true,
    },
  ];
  return renderPdf({
    pageSize: 'A6',
    pageMargins: [18, 18, 18, 26],
    defaultStyle: { font: 'Roboto', fontSize: 8 },
    content,
    ...(d.annulee ? { watermark: { text: 'ANNULÉE', color: '#b91c1c', opacity: 0.25, bold: true } } : {}),
    footer: (p: number, ps: number) => ({
      columns: [
        { text: `Édité par GM2i le ${formatDateFr(ctx.genereLe.slice(0, 10))}`, fontSize: 6, color: '#666' },
        { text: `${p} / ${ps}`, alignment: 'right', fontSize: 6, color: '#666' },
      ],
      margin: [18, 8, 18, 0],
    }),
  });
}

// ---- 4. état de versement -------------------------------------------------------------------------------

export function versementDocument(
  v: Versement,
  annulees: ReadonlyMap<string, readonly { numero: number; montant: number; motif: string }[]>,
  numeros: ReadonlyMap<string, readonly number[]>,
  articles: readonly Article[],
  ctx: Contexte,
) {
  const series = v.series.map((s) => {
    const an = annulees.get(s.serie) ?? [];
    const nums = new Set(numeros.get(s.serie) ?? []);
    const manquants: number[] = [];
    for (let k = s.du; k <= s.au; k++) if (!nums.has(k) && !an.some((a) => a.numero === k)) manquants.push(k);
    return { serie: s.serie, du: s.du, au: s.au, versees: nums.size, annulees: an.map((a) => ({ numero: a.numero, motif: a.motif })), manquants };
  });
  const lignes = v.articles.map((l) => {
    const a = articles.find((x) => x.code === l.article);
    const partsBp = a?.parts ?? { commune: 10_000, cercle: 0, region: 0 };
    return { ...l, nature: a?.nature ?? null, partsBp, partsAConfirmer: a?.aConfirmer ?? false, partage: partsBp.cercle > 0 || partsBp.region > 0 };
  });
  const total = {
    montant: somme(lignes, (l) => l.montant),
    commune: somme(lignes, (l) => l.commune),
    cercle: somme(lignes, (l) => l.cercle),
    region: somme(lignes, (l) => l.region),
  };
  return {
    document: 'versement',
    id: v.id,
    exercice: v.exercice,
    numero: v.numero,
    date: v.date,
    reference: v.reference,
    regisseur: v.auteur,
    quittances: v.quittances,
    montant: v.montant,
    series,
    lignes,
    total,
    montantEnLettres: lettres(total.montant),
    contreseing: v.contreseing,
    ...nomenclature(ctx),
    ...commun(ctx),
  };
}
export type VersementDocument = ReturnType<typeof versementDocument>;

export function versementPdf(d: VersementDocument, ctx: Contexte): Promise<Buffer> {
  const series: TableCell[][] = [[th('Série'), th('Du n°', true), th('Au n°', true), th('Versées', true), th('Annulées'), th('Absentes')]];
  for (const s of d.series)
    series.push([s.serie, r(String(s.du)), r(String(s.au)), r(String(s.versees)), s.annulees.map((a) => `n°${a.numero}`).join(', ') || '—', s.manquants.join(', ') || '—']);
  const body: TableCell[][] = [[th('Recette'), th('Nature'), th('Montant', true), th('Commune', true), th('Cercle', true), th('Région', true)]];
  for (const l of d.lignes)
    body.push([
      `${l.article} — ${l.libelle}${l.partsAConfirmer ? ` (répartition ${A_CONFIRMER})` : ''}`,
      l.nature ?? '—',
      r(n(l.montant)),
      r(n(l.commune)),
      r(l.partage ? n(l.cercle) : '—'),
      r(l.partage ? n(l.region) : '—'),
    ]);
  body.push([{ text: 'TOTAL', bold: true, colSpan: 2 }, '', r(n(d.total.montant), true), r(n(d.total.commune), true), r(n(d.total.cercle), true), r(n(d.total.region), true)]);
  return page(
    ctx,
    `ÉTAT DE VERSEMENT N°${d.numero} / ${d.exercice}`,
    [
      {
        text: `Versement du régisseur de recettes au receveur-percepteur, le ${formatDateFr(d.date)}${d.reference ? ` — ${d.reference}` : ''} : ${d.quittances} quittance(s).`,
        margin: [0, 0, 0, 8],
      },
      { text: 'Quittances versées', bold: true, margin: [0, 0, 0, 2] },
      { table: { headerRows: 1, widths: [40, 45, 45, 45, '*', '*'], body: series }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 8] },
      { text: 'Recettes versées et leur répartition', bold: true, margin: [0, 0, 0, 2] },
      { table: { headerRows: 1, widths: ['*', 40, 65, 65, 55, 55], body }, layout: 'lightHorizontalLines' },
      ...(d.lignes.some((l) => l.partage)
        ? [
            {
              text: `Taxes partagées (R20, taux du catalogue) : ${d.lignes
                .filter((l) => l.partage)
                .map((l) => `${l.article} — commune ${part(l.partsBp.commune)}, cercle ${part(l.partsBp.cercle)}, région ${part(l.partsBp.region)}`)
                .join(' ; ')} ; cercle et région arrondis au franc inférieur, le reste à la commune.`,
              fontSize: 7,
              color: '#444',
              margin: [0, 2, 0, 0],
            } as Content,
          ]
        : []),
      arrete('le présent état', d.total.montant),
      d.contreseing
        ? { text: `Contresigné le ${formatDateFr(d.contreseing.date)}${d.contreseing.nom ? ` par ${d.contreseing.nom}` : ''}.` }
        : { text: 'NON CONTRESIGNÉ', color: '#b91c1c', bold: true },
      faitA(ctx, d.date),
      signatures([
        { titre: 'Le régisseur de recettes', nom: d.regisseur },
        { titre: 'Contreseing (ordonnateur ou comptable)', nom: d.contreseing?.nom ?? null },
        { titre: 'Reçu par le Receveur-percepteur' },
      ]),
    ],
    { provisoire: d.nomenclatureProvisoire },
  );
}

// ---- 5. arrêté de caisse --------------------------------------------------------------------------------

export interface ArreteCaisse {
  id: number;
  exercice: number;
  numero: number;
  date: string;
  theorique: number;
  constate: number;
  ecart: number;
  observations: string | null;
  auteur: string | null;
  contreseing: { date: string; nom: string | null } | null;
}

export function arreteDocument(a: ArreteCaisse, ctx: Contexte) {
  return {
    document: 'arrete-caisse',
    ...a,
    ecartLibelle: a.ecart === 0 ? 'aucun écart' : a.ecart > 0 ? `excédent de ${f(a.ecart)}` : `déficit de ${f(-a.ecart)}`,
    constateEnLettres: lettres(a.constate),
    theoriqueEnLettres: lettres(a.theorique),
    ...commun(ctx),
  };
}
export type ArreteDocument = ReturnType<typeof arreteDocument>;

export function arretePdf(d: ArreteDocument, ctx: Contexte): Promise<Buffer> {
  const rows: TableCell[][] = [
    ['Date du comptage', formatDateFr(d.date)],
    ['Solde théorique (quittances non annulées − versements)', r(f(d.theorique))],
    ['Espèces comptées', r(f(d.constate), true)],
    ['Écart (compté − théorique)', { text: `${d.ecart > 0 ? '+' : d.ecart < 0 ? '−' : ''}${f(Math.abs(d.ecart))} — ${d.ecartLibelle}`, alignment: 'right', bold: d.ecart !== 0, color: d.ecart !== 0 ? '#b91c1c' : 'black' }],
    ['Observations', d.observations ?? '—'],
    ['Compté par', d.auteur ?? BLANC],
    ['Contreseing', d.contreseing ? `le ${formatDateFr(d.contreseing.date)}${d.contreseing.nom ? ` par ${d.contreseing.nom}` : ''}` : { text: 'NON CONTRESIGNÉ', color: '#b91c1c', bold: true }],
  ];
  return page(ctx, `ARRÊTÉ DE CAISSE N°${d.numero} / ${d.exercice}`, [
    { text: 'Régie de recettes de la commune', alignment: 'center', italics: true, margin: [0, -6, 0, 8] },
    { table: { widths: [220, '*'], body: rows }, layout: 'lightHorizontalLines' },
    {
      text: [{ text: 'Espèces comptées arrêtées à la somme de ', italics: true }, { text: `${d.constateEnLettres} (${f(d.constate)}).`, bold: true }],
      margin: [0, 8, 0, 8],
    },
    faitA(ctx, d.date),
    signatures([
      { titre: 'Le régisseur de recettes', nom: d.auteur },
      { titre: 'Contreseing (ordonnateur ou comptable)', nom: d.contreseing?.nom ?? null },
    ]),
  ]);
}

// ---- 6. journal de caisse -------------------------------------------------------------------------------

export interface MouvementsCaisse {
  quittances: readonly { id: number; serie: string; numero: number; date: string; payeur: string; montant: number }[];
  annulations: readonly { id: number; serie: string; numero: number; date: string; motif: string; montant: number }[];
  versements: readonly { id: number; exercice: number; numero: number; date: string; montant: number; reference: string | null }[];
}

/**
 * The journal de caisse of an exercice: every movement in date order (quittances in, their annulations out,
 * versements out; on one day, in that order), a running balance, and the balance brought forward from the
 * movements of earlier years (so that the journal's last balance is the cash at 31 December).
 */
export function journalCaisse(m: MouvementsCaisse, annee: number) {
  type M = { date: string; ordre: number; id: number; piece: string; libelle: string; entree: number; sortie: number };
  const tous: M[] = [
    ...m.quittances.map((q) => ({ date: q.date, ordre: 0, id: q.id, piece: `Quittance ${q.serie} n°${q.numero}`, libelle: q.payeur, entree: Number(q.montant), sortie: 0 })),
    ...m.annulations.map((a) => ({ date: a.date, ordre: 1, id: a.id, piece: `Annulation ${a.serie} n°${a.numero}`, libelle: a.motif, entree: 0, sortie: Number(a.montant) })),
    ...m.versements.map((v) => ({
      date: v.date,
      ordre: 2,
      id: v.id,
      piece: `Versement n°${v.numero}/${v.exercice}`,
      libelle: `Versement au receveur-percepteur${v.reference ? ` (${v.reference})` : ''}`,
      entree: 0,
      sortie: Number(v.montant),
    })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.ordre - b.ordre || a.id - b.id);
  const debut = `${annee}-01-01`;
  const fin = `${annee}-12-31`;
  const report = somme(tous.filter((x) => x.date < debut), (x) => x.entree - x.sortie);
  let solde = report;
  const lignes = tous
    .filter((x) => x.date >= debut && x.date <= fin)
    .map(({ ordre: _o, id: _i, ...x }) => {
      solde += x.entree - x.sortie;
      return { ...x, solde };
    });
  return { exercice: annee, report, lignes, totalEntrees: somme(lignes, (l) => l.entree), totalSorties: somme(lignes, (l) => l.sortie), soldeFinal: solde };
}
export type Journal = ReturnType<typeof journalCaisse>;

export function journalDocument(j: Journal, ctx: Contexte) {
  return { document: 'journal-caisse', ...j, ...commun(ctx) };
}
export type JournalDocument = ReturnType<typeof journalDocument>;

export function journalPdf(d: JournalDocument, ctx: Contexte): Promise<Buffer> {
  const body: TableCell[][] = [[th('Date'), th('Pièce'), th('Libellé'), th('Entrée', true), th('Sortie', true), th('Solde', true)]];
  body.push([{ text: `Report au 1er janvier ${d.exercice}`, italics: true, colSpan: 5 }, '', '', '', '', r(n(d.report))]);
  for (const l of d.lignes) body.push([formatDateFr(l.date), l.piece, l.libelle, r(l.entree ? n(l.entree) : ''), r(l.sortie ? n(l.sortie) : ''), r(n(l.solde))]);
  body.push([{ text: 'TOTAUX ET SOLDE', bold: true, colSpan: 3 }, '', '', r(n(d.totalEntrees), true), r(n(d.totalSorties), true), r(n(d.soldeFinal), true)]);
  return page(ctx, `JOURNAL DE CAISSE — RÉGIE DE RECETTES — EXERCICE ${d.exercice}`, [
    { table: { headerRows: 1, widths: [48, 95, '*', 55, 55, 60], body, dontBreakRows: true }, layout: registre, fontSize: 8 },
    { text: `Solde de caisse en fin de période : ${lettres(d.soldeFinal)} (${f(d.soldeFinal)}).`, margin: [0, 8, 0, 0] },
    signatures([{ titre: 'Le régisseur de recettes' }, { titre: 'Vu, l’ordonnateur, le Maire', nom: ctx.ordonnateur }]),
  ]);
}

// ---- 7. recouvrement ------------------------------------------------------------------------------------

export interface LigneRecouvrementDoc {
  cle: string;
  libelle: string;
  emis: number;
  reduit: number;
  recouvre: number;
  reste: number;
  tauxBp: number | null;
}
export interface RecouvrementData {
  exercice: number;
  par: 'localite' | 'article';
  lignes: LigneRecouvrementDoc[];
  total: LigneRecouvrementDoc;
}

export function recouvrementDocument(rc: RecouvrementData, ctx: Contexte) {
  const avecTaux = (l: LigneRecouvrementDoc) => ({ ...l, taux: pourcent(l.tauxBp) });
  return { document: 'recouvrement', exercice: rc.exercice, par: rc.par, lignes: rc.lignes.map(avecTaux), total: avecTaux(rc.total), ...commun(ctx) };
}
export type RecouvrementDocument = ReturnType<typeof recouvrementDocument>;

/** The bar chart of the rates, the same SVG the screen shows (core/graphique.ts). */
export function graphiqueRecouvrement(d: RecouvrementDocument): string {
  return svgBarres(
    d.lignes.map((l) => ({ libelle: l.libelle, tauxBp: l.tauxBp, legende: `${l.taux} — ${n(l.recouvre)} / ${n(l.emis - l.reduit)}` })),
    { largeur: 520 },
  );
}

export function recouvrementPdf(d: RecouvrementDocument, ctx: Contexte): Promise<Buffer> {
  const axe = d.par === 'localite' ? 'Village / fraction' : 'Recette';
  const body: TableCell[][] = [[th(axe), th('Émis', true), th('Réduit', true), th('Recouvré', true), th('Reste', true), th('Taux', true)]];
  for (const l of d.lignes) body.push([l.libelle, r(n(l.emis)), r(n(l.reduit)), r(n(l.recouvre)), r(n(l.reste)), r(l.taux)]);
  const t = d.total;
  body.push([{ text: 'TOTAL', bold: true }, r(n(t.emis), true), r(n(t.reduit), true), r(n(t.recouvre), true), r(n(t.reste), true), r(t.taux, true)]);
  return page(ctx, `TAUX DE RECOUVREMENT ${d.par === 'localite' ? 'PAR VILLAGE' : 'PAR RECETTE'} — EXERCICE ${d.exercice}`, [
    { table: { headerRows: 1, widths: ['*', 70, 60, 70, 70, 50], body }, layout: registre, fontSize: 8 },
    { text: 'Taux = recouvré ÷ (émis − réduit), arrondi vers le bas.', fontSize: 7, color: '#444', margin: [0, 2, 0, 10] },
    ...(d.lignes.length ? [{ svg: graphiqueRecouvrement(d), width: 520 } as Content] : [{ text: 'Rien d’émis ni de recouvré sur cet exercice.', italics: true } as Content]),
  ]);
}
