import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETAIL_PDF_MAX, journalCaisse, journalDocument, journalParJour, journalPdf, type MouvementsCaisse } from './documents-caisse.js';
import type { Contexte } from './documents-commun.js';

// The journal de caisse of a large commune: its PDF goes per day past DETAIL_PDF_MAX movements; the figures per
// day must be those of the line-by-line journal (same totals, same end-of-day balances).

/** A year of `n` quittances over the working days, one in 97 cancelled the same day, a versement on each 28th. */
function annee(n: number): MouvementsCaisse {
  const jour = (i: number) => `2026-${String(2 + (Math.floor(i / 28) % 10)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const quittances = Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    serie: 'A',
    numero: i + 1,
    date: jour(Math.floor((i * 280) / n)),
    payeur: `Payeur ${i}`,
    montant: 100 + (i % 7) * 250,
  }));
  const annulations = quittances
    .filter((q) => q.id % 97 === 0)
    .map((q) => ({ id: q.id, serie: q.serie, numero: q.numero, date: q.date, motif: 'erreur', montant: q.montant }));
  const versements = Array.from({ length: 9 }, (_, i) => ({
    id: i + 1,
    exercice: 2026,
    numero: i + 1,
    date: `2026-${String(2 + i).padStart(2, '0')}-28`,
    montant: 50_000,
    reference: null,
  }));
  return { quittances, annulations, versements };
}

const ctx: Contexte = {
  commune: { nom: 'Banc', type: 'rurale', cercle: 'Kati', region: 'Koulikoro', demonstration: false },
  genereLe: '2026-12-02',
  ordonnateur: null,
  nomenclatureProvisoire: false,
  libellesNatures: new Map(),
};

describe('journal de caisse par jour', () => {
  it('chaque jour : ses pièces, ses entrées et sorties, le solde du journal après sa dernière pièce ; mêmes totaux', () => {
    const j = journalCaisse(annee(3000), 2026, 12_345);
    const jours = journalParJour(j);
    expect(jours.map((d) => d.date)).toEqual([...new Set(j.lignes.map((l) => l.date))]);
    expect(jours.reduce((s, d) => s + d.pieces, 0)).toBe(j.lignes.length);
    expect(jours.reduce((s, d) => s + d.entree, 0)).toBe(j.totalEntrees);
    expect(jours.reduce((s, d) => s + d.sortie, 0)).toBe(j.totalSorties);
    for (const d of jours) expect(d.solde).toBe(j.lignes.findLast((l) => l.date === d.date)!.solde);
    expect(jours.at(-1)!.solde).toBe(j.soldeFinal);
    let solde = j.report;
    for (const d of jours) expect(d.solde).toBe((solde += d.entree - d.sortie));
  });

  it(`au-delà de ${DETAIL_PDF_MAX} mouvements le PDF donne une ligne par jour, aux mêmes totaux ; en deçà, chaque pièce`, async () => {
    let pdftotext = true;
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    } catch {
      pdftotext = false;
    }
    const texte = async (m: MouvementsCaisse) => {
      const doc = journalDocument(journalCaisse(m, 2026, 0), ctx);
      const buf = await journalPdf(doc, ctx);
      expect(buf.subarray(0, 4).toString()).toBe('%PDF');
      if (!pdftotext) return { doc, text: null };
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'journal-')), 'j.pdf');
      fs.writeFileSync(file, buf);
      return {
        doc,
        text: execFileSync('pdftotext', [file, '-'])
          .toString()
          .replace(/[\u00a0\u202f]/g, ' ')
          .replace(/\s+/g, ' '),
      };
    };
    const grand = await texte(annee(DETAIL_PDF_MAX + 1));
    const petit = await texte(annee(40));
    if (grand.text === null || petit.text === null) return;
    const n = (v: number) => v.toLocaleString('fr-FR').replace(/[\u00a0\u202f]/g, ' ');
    expect(grand.text).toContain('RÉCAPITULATIF JOURNALIER');
    expect(grand.text).not.toContain('Quittance A n°');
    expect(grand.text).toContain(n(grand.doc.totalEntrees));
    expect(grand.text).toContain(n(grand.doc.soldeFinal));
    expect(petit.text).not.toContain('RÉCAPITULATIF JOURNALIER');
    expect(petit.text).toContain('Quittance A n°40');
    expect(petit.text).toContain(n(petit.doc.totalEntrees));
  });
});
