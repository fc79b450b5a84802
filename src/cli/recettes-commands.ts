import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DomainError } from '../core/errors.js';
import type { CliContext } from './commands.js';

// `gm2i document role|titre|quittance|versement|arrete-caisse --id N` and `gm2i document journal-caisse|recouvrement
// --exercice N`: the recettes' printed documents, added to the `document` command that budget-commands.ts creates.
// The module is imported inside the actions, as in commands.ts.
const telechargements = () => import('../modules/recettes/telechargements.js');

type Format = 'pdf' | 'xlsx' | 'json';

function format<F extends Format>(v: string, permis: readonly F[]): F {
  if (!(permis as readonly string[]).includes(v))
    throw new DomainError('ARGUMENT_INVALIDE', { raison: `Format inconnu « ${v} » : ${permis.join(', ').replace(/, ([^,]*)$/, ' ou $1')}.` });
  return v as F;
}

function entier(v: string, quoi: string, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new DomainError('ARGUMENT_INVALIDE', { raison: `${quoi} invalide : ${v}` });
  return n;
}

/** The `document` command: the one budget-commands.ts made, or a new one when it is absent. */
function commandeDocument(program: Command): Command {
  return program.commands.find((c) => c.name() === 'document') ?? program.command('document').description('documents imprimables');
}

export function registerRecettesCommands(program: Command, ctx: CliContext): void {
  const doc = commandeDocument(program);
  const ecrire = (f: { data: Buffer; fileName: string }, out: string | undefined) => {
    const file = path.resolve(out ?? f.fileName);
    fs.writeFileSync(file, f.data);
    ctx.say(`${file} écrit.`);
  };

  type Module = Awaited<ReturnType<typeof telechargements>>;
  type Db = Parameters<Module['exportRole']>[0];
  const pdfJson = ['pdf', 'json'] as const;
  const tous = ['pdf', 'xlsx', 'json'] as const;
  const parId: { name: string; label: string; formats: readonly Format[]; exporter: (m: Module, db: Db, id: number, f: string) => Promise<{ data: Buffer; fileName: string }> }[] = [
    { name: 'role', label: "le rôle d'un village avec ses avertissements", formats: tous, exporter: (m, db, id, f) => m.exportRole(db, id, format(f, tous), ctx.now()) },
    { name: 'titre', label: 'un titre de recette', formats: pdfJson, exporter: (m, db, id, f) => m.exportTitre(db, id, format(f, pdfJson), ctx.now()) },
    { name: 'quittance', label: 'une quittance (A6)', formats: pdfJson, exporter: (m, db, id, f) => m.exportQuittance(db, id, format(f, pdfJson), ctx.now()) },
    { name: 'versement', label: 'un état de versement au percepteur', formats: tous, exporter: (m, db, id, f) => m.exportVersement(db, id, format(f, tous), ctx.now()) },
    { name: 'arrete-caisse', label: 'un arrêté de caisse', formats: pdfJson, exporter: (m, db, id, f) => m.exportArreteCaisse(db, id, format(f, pdfJson), ctx.now()) },
  ];
  for (const { name, label, formats, exporter } of parId)
    doc
      .command(name)
      .description(`édite ${label} (${formats.join(', ')})`)
      .requiredOption('--id <n>', 'identifiant')
      .option(`--format <${formats.join('|')}>`, 'format', 'pdf')
      .option('--out <fichier>', 'fichier de sortie')
      .action(async (o: { id: string; format: string; out?: string }) => {
        const m = await telechargements();
        await ctx.withDb(async (c) => {
          format(o.format, formats);
          ecrire(await exporter(m, c.db, entier(o.id, 'Identifiant', 1, Number.MAX_SAFE_INTEGER), o.format), o.out);
        });
      });

  const parExercice = [
    ['journal-caisse', 'le journal de caisse de la régie'],
    ['recouvrement', 'les taux de recouvrement (par village ou par recette)'],
  ] as const;
  for (const [name, label] of parExercice) {
    const cmd = doc
      .command(name)
      .description(`édite ${label} (pdf, xlsx, json)`)
      .requiredOption('--exercice <année>', 'exercice')
      .option('--format <pdf|xlsx|json>', 'format', 'pdf')
      .option('--out <fichier>', 'fichier de sortie');
    if (name === 'recouvrement') cmd.option('--par <localite|article>', 'regroupement', 'localite');
    cmd.action(async (o: { exercice: string; format: string; out?: string; par?: string }) => {
      const t = await telechargements();
      await ctx.withDb(async (c) => {
        const f = format(o.format, ['pdf', 'xlsx', 'json'] as const);
        const annee = entier(o.exercice, 'Exercice', 2000, 2100);
        if (name === 'journal-caisse') return ecrire(await t.exportJournalCaisse(c.db, annee, f, ctx.now()), o.out);
        const par = o.par ?? 'localite';
        if (par !== 'localite' && par !== 'article')
          throw new DomainError('ARGUMENT_INVALIDE', { raison: `Regroupement inconnu « ${par} » : localite ou article.` });
        ecrire(await t.exportRecouvrement(c.db, annee, par, f, ctx.now()), o.out);
      });
    });
  }
}
