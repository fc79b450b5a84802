import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DomainError } from '../core/errors.js';
import { formatNombre } from '../core/money.js';
import type { CliContext } from './commands.js';

// Modules are imported inside the actions, as in commands.ts.
const budgetModule = () => import('../modules/budget/index.js');
const nomenclatureModule = () => import('../modules/nomenclature/index.js');
const system = async () => (await import('../platform/audit/journal.js')).SYSTEM_ACTOR;

function annee(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 2000 || n > 2100) throw new DomainError('ARGUMENT_INVALIDE', { raison: `Exercice invalide : ${v}` });
  return n;
}

function readFile(file: string): { data: Buffer; name: string } {
  if (!fs.existsSync(file)) throw new DomainError('ARGUMENT_INVALIDE', { raison: `Fichier introuvable : ${file}` });
  return { data: fs.readFileSync(file), name: file };
}

/** `gm2i nomenclature …`, `gm2i budget convert`, `gm2i document budget`. */
export function registerBudgetCommands(program: Command, ctx: CliContext): void {
  const nom = program.command('nomenclature').description('nomenclatures budgétaires (plans de comptes)');
  nom
    .command('list')
    .description('liste les versions de nomenclature')
    .action(async () => {
      const { listVersions } = await nomenclatureModule();
      await ctx.withDb(async (c) => {
        for (const v of await listVersions(c.db))
          ctx.say(`${v.code.padEnd(28)} ${v.provisoire ? 'PROVISOIRE ' : 'officielle '} ${v.libelle}`);
      });
    });
  nom
    .command('import <fichier>')
    .description('importe une nomenclature (CSV ou XLSX) comme nouvelle version')
    .requiredOption('--code <code>', 'code de la version, ex. MALI-2020-2475')
    .requiredOption('--libelle <libellé>', 'libellé de la version')
    .option('--officielle', 'le fichier reproduit le texte officiel (sinon : provisoire)')
    .option('--source <texte>', 'référence du texte', '')
    .action(async (file: string, o: { code: string; libelle: string; officielle?: boolean; source: string }) => {
      const { importNomenclature } = await nomenclatureModule();
      const actor = await system();
      await ctx.withDb(async (c) => {
        const id = await importNomenclature(
          c.db,
          actor,
          readFile(file),
          { code: o.code, libelle: o.libelle, provisoire: !o.officielle, source: o.source },
          ctx.now(),
        );
        ctx.say(`Nomenclature « ${o.code} » importée (n°${id}).`);
      });
    });
  nom
    .command('correspondance <fichier>')
    .description('importe une table de correspondance ancien → nouveau code (CSV ou XLSX : ancien,nouveau)')
    .requiredOption('--de <code>', 'version de départ')
    .requiredOption('--vers <code>', "version d'arrivée")
    .action(async (file: string, o: { de: string; vers: string }) => {
      const { importMapping } = await nomenclatureModule();
      const actor = await system();
      await ctx.withDb(async (c) => {
        const n = await importMapping(c.db, actor, readFile(file), o.de, o.vers, ctx.now());
        ctx.say(`${n} correspondance(s) enregistrée(s) de ${o.de} vers ${o.vers}.`);
      });
    });

  const budget = program.command('budget').description('budget');
  budget
    .command('convert')
    .description("convertit le budget d'un exercice vers une autre nomenclature")
    .requiredOption('--exercice <année>', 'exercice')
    .requiredOption('--vers <code>', 'nomenclature cible')
    .action(async (o: { exercice: string; vers: string }) => {
      const { convertBudget } = await budgetModule();
      const actor = await system();
      await ctx.withDb(async (c) => {
        const r = await convertBudget(c.db, actor, annee(o.exercice), o.vers, ctx.now());
        ctx.say(`Budget ${o.exercice} converti vers ${o.vers} : ${r.converties} ligne(s), ${r.index} numéro(s) d'index.`);
      });
    });

  const doc = program.command('document').description('documents imprimables');
  doc
    .command('budget')
    .description('édite un budget (PDF, XLSX ou JSON)')
    .requiredOption('--exercice <année>', 'exercice')
    .option('--document <BP|BA>', 'budget primitif ou additionnel', 'BP')
    .option('--format <pdf|xlsx|json>', 'format', 'pdf')
    .option('--out <fichier>', 'fichier de sortie')
    .action(async (o: { exercice: string; document: string; format: string; out?: string }) => {
      const { loadBudget } = await budgetModule();
      const { exportDocumentBudgetaire } = await import('../modules/comptabilite/telechargements.js');
      await ctx.withDb(async (c) => {
        if (o.document !== 'BP' && o.document !== 'BA')
          throw new DomainError('ARGUMENT_INVALIDE', { raison: `Document inconnu « ${o.document} » : BP ou BA.` });
        if (o.format !== 'pdf' && o.format !== 'xlsx' && o.format !== 'json')
          throw new DomainError('ARGUMENT_INVALIDE', { raison: `Format inconnu « ${o.format} » : pdf, xlsx ou json.` });
        const a = annee(o.exercice);
        const f = await exportDocumentBudgetaire(c.db, a, o.document, o.format, ctx.now());
        const out = path.resolve(o.out ?? f.fileName);
        fs.writeFileSync(out, f.data);
        const t = (await loadBudget(c.db, a)).view.totaux[o.document];
        ctx.say(`${out} écrit (recettes ${formatNombre(t.fonctionnement.recettes + t.investissement.recettes)} FCFA).`);
      });
    });
  for (const [name, label, fn] of [
    ['mandat', 'un mandat de paiement', 'exportMandat'],
    ['bordereau', "un bordereau d'émission", 'exportBordereau'],
  ] as const) {
    doc
      .command(name)
      .description(`édite ${label} (PDF ou JSON)`)
      .requiredOption('--numero <n>', 'numéro')
      .requiredOption('--exercice <année>', 'exercice')
      .option('--format <pdf|json>', 'format', 'pdf')
      .option('--out <fichier>', 'fichier de sortie')
      .action(async (o: { numero: string; exercice: string; format: string; out?: string }) => {
        const exportDocument = (await import('../modules/depenses/index.js'))[fn];
        await ctx.withDb(async (c) => {
          if (o.format !== 'pdf' && o.format !== 'json')
            throw new DomainError('ARGUMENT_INVALIDE', { raison: `Format inconnu « ${o.format} » : pdf ou json.` });
          const numero = Number(o.numero);
          if (!Number.isInteger(numero) || numero <= 0)
            throw new DomainError('ARGUMENT_INVALIDE', { raison: `Numéro invalide : ${o.numero}` });
          const f = await exportDocument(c.db, annee(o.exercice), numero, o.format, ctx.now());
          const out = path.resolve(o.out ?? f.fileName);
          fs.writeFileSync(out, f.data);
          ctx.say(`${out} écrit.`);
        });
      });
  }
}
