import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { isPlainDate, plainDateOf } from '../core/date.js';
import { DomainError } from '../core/errors.js';
import type { CliContext } from './commands.js';

// `gm2i document tresorerie --exercice N [--du AAAA-MM-JJ] [--au AAAA-MM-JJ] --format pdf|xlsx|json`: the état de
// trésorerie, added to the `document` command. The module is imported inside the action, as in commands.ts.
const telechargements = () => import('../modules/tresorerie/telechargements.js');

const FORMATS = ['pdf', 'xlsx', 'json'] as const;

export function registerTresorerieCommands(program: Command, ctx: CliContext): void {
  const doc = program.commands.find((c) => c.name() === 'document') ?? program.command('document').description('documents imprimables');
  doc
    .command('tresorerie')
    .description(
      'édite l’état de trésorerie : caisse de la régie, versements et relevé du percepteur rapprochés, mandats payés (pdf, xlsx, json)',
    )
    .requiredOption('--exercice <année>', 'exercice')
    .option('--du <date>', 'début de la période (AAAA-MM-JJ), par défaut le 1er janvier')
    .option('--au <date>', 'fin de la période (AAAA-MM-JJ), par défaut aujourd’hui ou le 31 décembre')
    .option('--format <pdf|xlsx|json>', 'format', 'pdf')
    .option('--out <fichier>', 'fichier de sortie')
    .action(async (o: { exercice: string; du?: string; au?: string; format: string; out?: string }) => {
      const annee = Number(o.exercice);
      if (!Number.isInteger(annee) || annee < 2000 || annee > 2100)
        throw new DomainError('ARGUMENT_INVALIDE', { raison: `Exercice invalide : ${o.exercice}` });
      const format = FORMATS.find((f) => f === o.format);
      if (!format) throw new DomainError('ARGUMENT_INVALIDE', { raison: `Format inconnu « ${o.format} » : pdf, xlsx ou json.` });
      for (const d of [o.du, o.au])
        if (d !== undefined && !isPlainDate(d))
          throw new DomainError('ARGUMENT_INVALIDE', { raison: `Date invalide « ${d} » : AAAA-MM-JJ.` });
      const m = await telechargements();
      await ctx.withDb(async (c) => {
        const now = ctx.now();
        const f = await m.exportTresorerie(c.db, annee, format, { du: o.du, au: o.au }, now, plainDateOf(now));
        const file = path.resolve(o.out ?? f.fileName);
        fs.writeFileSync(file, f.data);
        ctx.say(`${file} écrit.`);
      });
    });
}
