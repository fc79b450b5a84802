import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { formatDateFr } from '../../core/date.js';
import { bandeaux, renderPdf } from '../../platform/documents/pdf.js';
import type { Article, Quittance, Versement } from './schemas.js';
import { A_CONFIRMER, arrete, BLANC, commun, type Contexte, f, faitA, lettres, n, nomenclature, page, part, r, registre, signatures, somme, th } from './documents-commun.js';

// The régie's printed documents: the quittance (A6), the état de versement to the percepteur, the arrêté de caisse.
// Data first (the JSON export), then the PDF drawn from it.

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
    /** The chef de village when he collects on his roll with his own book; else the agent the book was handed to, when another than the régisseur who typed it; null at the desk. */
    collecteur: q.collecteur ?? (agents.agent !== agents.saisiPar ? agents.agent : null),
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
