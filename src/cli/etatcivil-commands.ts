import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DomainError } from '../core/errors.js';
import { DateCivile } from '../core/schemas.js';
import type { CliContext } from './commands.js';

// `gm2i document registre-etat-civil --id N`, `gm2i document bordereau-volets --du --au` and `gm2i document
// statistiques-etat-civil --annee N [--par]`: the état civil's printed registers, added to the `document` command
// that budget-commands.ts creates. The module is imported inside the actions, as in commands.ts.
const telechargements = () => import('../modules/etatcivil/telechargements.js');

function format<F extends string>(v: string, permis: readonly F[]): F {
  if (!(permis as readonly string[]).includes(v))
    throw new DomainError('ARGUMENT_INVALIDE', { raison: `Format inconnu « ${v} » : ${permis.join(', ').replace(/, ([^,]*)$/, ' ou $1')}.` });
  return v as F;
}

function entier(v: string, quoi: string, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new DomainError('ARGUMENT_INVALIDE', { raison: `${quoi} invalide : ${v}` });
  return n;
}

function date(v: string, quoi: string): string {
  const d = DateCivile.safeParse(v);
  if (!d.success) throw new DomainError('ARGUMENT_INVALIDE', { raison: `${quoi} invalide : ${v} (AAAA-MM-JJ)` });
  return d.data;
}

function commandeDocument(program: Command): Command {
  return program.commands.find((c) => c.name() === 'document') ?? program.command('document').description('documents imprimables');
}

export function registerEtatCivilCommands(program: Command, ctx: CliContext): void {
  const doc = commandeDocument(program);
  const ecrire = (f: { data: Buffer; fileName: string }, out: string | undefined) => {
    const file = path.resolve(out ?? f.fileName);
    fs.writeFileSync(file, f.data);
    ctx.say(`${file} écrit.`);
  };

  doc
    .command('registre-etat-civil')
    .description('édite l’arrêté de clôture d’un registre d’état civil (pdf, json)')
    .requiredOption('--id <n>', 'identifiant du registre')
    .option('--format <pdf|json>', 'format', 'pdf')
    .option('--out <fichier>', 'fichier de sortie')
    .action(async (o: { id: string; format: string; out?: string }) => {
      const t = await telechargements();
      await ctx.withDb(async (c) => ecrire(await t.exportCloture(c.db, entier(o.id, 'Identifiant', 1, Number.MAX_SAFE_INTEGER), format(o.format, ['pdf', 'json'] as const), ctx.now()), o.out));
    });

  doc
    .command('bordereau-volets')
    .description('édite le bordereau des volets n°2 transmis au tribunal sur une période (pdf, xlsx, json)')
    .requiredOption('--du <date>', 'premier jour (AAAA-MM-JJ)')
    .requiredOption('--au <date>', 'dernier jour (AAAA-MM-JJ)')
    .option('--format <pdf|xlsx|json>', 'format', 'pdf')
    .option('--out <fichier>', 'fichier de sortie')
    .action(async (o: { du: string; au: string; format: string; out?: string }) => {
      const t = await telechargements();
      const f = format(o.format, ['pdf', 'xlsx', 'json'] as const);
      const [du, au] = [date(o.du, 'Date de début'), date(o.au, 'Date de fin')];
      await ctx.withDb(async (c) => ecrire(await t.exportBordereau(c.db, du, au, f, ctx.now()), o.out));
    });

  doc
    .command('statistiques-etat-civil')
    .description('édite les statistiques de l’état civil d’une année, sans nom (pdf, xlsx, json)')
    .requiredOption('--annee <année>', 'année')
    .option('--par <mois|centre|localite>', 'regroupement', 'mois')
    .option('--format <pdf|xlsx|json>', 'format', 'pdf')
    .option('--out <fichier>', 'fichier de sortie')
    .action(async (o: { annee: string; par: string; format: string; out?: string }) => {
      const t = await telechargements();
      const f = format(o.format, ['pdf', 'xlsx', 'json'] as const);
      const annee = entier(o.annee, 'Année', 2000, 2100);
      const par = o.par;
      if (par !== 'mois' && par !== 'centre' && par !== 'localite')
        throw new DomainError('ARGUMENT_INVALIDE', { raison: `Regroupement inconnu « ${par} » : mois, centre ou localite.` });
      await ctx.withDb(async (c) => ecrire(await t.exportStatistiques(c.db, annee, par, f, ctx.now()), o.out));
    });
}
