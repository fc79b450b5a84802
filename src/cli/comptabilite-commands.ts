import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DomainError } from '../core/errors.js';
import { isPlainDate } from '../core/date.js';
import type { CliContext } from './commands.js';

// `gm2i document situation|journal-mandats|journal-titres|journal-quittances|compte-administratif --exercice N
// --format pdf|xlsx|json`: the comptabilité's documents (issue 13 §7), added to the `document` command. The module is
// imported inside the actions.
const telechargements = () => import('../modules/comptabilite/telechargements.js');

const FORMATS = ['pdf', 'xlsx', 'json'] as const;
type Format = (typeof FORMATS)[number];
const GROUPEMENTS = ['ligne', 'chapitre', 'section'] as const;

function choix<T extends string>(v: string, permis: readonly T[], quoi: string): T {
  if (!(permis as readonly string[]).includes(v))
    throw new DomainError('ARGUMENT_INVALIDE', {
      raison: `${quoi} inconnu « ${v} » : ${permis.join(', ').replace(/, ([^,]*)$/, ' ou $1')}.`,
    });
  return v as T;
}

function annee(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 2000 || n > 2100) throw new DomainError('ARGUMENT_INVALIDE', { raison: `Exercice invalide : ${v}` });
  return n;
}

export function registerComptabiliteCommands(program: Command, ctx: CliContext): void {
  const doc = program.commands.find((c) => c.name() === 'document') ?? program.command('document').description('documents imprimables');
  const ecrire = (f: { data: Buffer; fileName: string }, out: string | undefined) => {
    const file = path.resolve(out ?? f.fileName);
    fs.writeFileSync(file, f.data);
    ctx.say(`${file} écrit.`);
  };
  doc
    .command('situation')
    .description("édite la situation d'exécution budgétaire à une date (pdf, xlsx, json)")
    .requiredOption('--exercice <année>', 'exercice')
    .option('--date <AAAA-MM-JJ>', "date de la situation (par défaut aujourd'hui, ou le 31 décembre d'un exercice passé)")
    .option('--par <ligne|chapitre|section>', 'regroupement', 'ligne')
    .option('--format <pdf|xlsx|json>', 'format', 'pdf')
    .option('--out <fichier>', 'fichier de sortie')
    .action(async (o: { exercice: string; date?: string; par: string; format: string; out?: string }) => {
      const t = await telechargements();
      await ctx.withDb(async (c) => {
        if (o.date !== undefined && !isPlainDate(o.date))
          throw new DomainError('ARGUMENT_INVALIDE', { raison: `Date invalide : ${o.date} (AAAA-MM-JJ)` });
        const q = { date: o.date, par: choix(o.par, GROUPEMENTS, 'Regroupement'), format: choix(o.format, FORMATS, 'Format') };
        ecrire(await t.exportSituation(c.db, annee(o.exercice), q, ctx.now()), o.out);
      });
    });
  const journaux = [
    ['journal-mandats', 'le journal des mandats', (m, db, a, f) => m.exportJournalMandats(db, a, f, ctx.now())],
    ['journal-titres', 'le journal des titres de recette', (m, db, a, f) => m.exportJournalTitres(db, a, f, ctx.now())],
    ['compte-administratif', 'le compte administratif', (m, db, a, f) => m.exportCompteAdministratif(db, a, f, ctx.now())],
    ['journal-quittances', 'le journal des quittances', (m, db, a, f) => m.exportJournalQuittances(db, a, f, ctx.now())],
  ] as const satisfies readonly (readonly [
    string,
    string,
    (
      m: Awaited<ReturnType<typeof telechargements>>,
      db: Parameters<Awaited<ReturnType<typeof telechargements>>['exportJournalMandats']>[0],
      a: number,
      f: Format,
    ) => Promise<{ data: Buffer; fileName: string }>,
  ])[];
  for (const [name, label, exporter] of journaux)
    doc
      .command(name)
      .description(`édite ${label} de l'exercice (pdf, xlsx, json)`)
      .requiredOption('--exercice <année>', 'exercice')
      .option('--format <pdf|xlsx|json>', 'format', 'pdf')
      .option('--out <fichier>', 'fichier de sortie')
      .action(async (o: { exercice: string; format: string; out?: string }) => {
        const m = await telechargements();
        await ctx.withDb(async (c) => ecrire(await exporter(m, c.db, annee(o.exercice), choix(o.format, FORMATS, 'Format')), o.out));
      });
}
