import { Command, Help, type Option } from 'commander';

const TITLES: Record<string, string> = {
  'Usage:': 'Utilisation :',
  'Arguments:': 'Arguments :',
  'Options:': 'Options :',
  'Global Options:': 'Options générales :',
  'Commands:': 'Commandes :',
};

/** Commander's help, in French. */
class Aide extends Help {
  override styleTitle(title: string): string {
    return TITLES[title] ?? title;
  }

  override commandUsage(cmd: Command): string {
    return super.commandUsage(cmd).replace('[command]', '[commande]');
  }

  override optionDescription(option: Option): string {
    const extra: string[] = [];
    const byDefault = option.defaultValueDescription ?? (typeof option.defaultValue === 'string' ? option.defaultValue : '');
    if (byDefault && !option.isBoolean()) extra.push(`par défaut ${byDefault}`);
    if (option.envVar) extra.push(`variable ${option.envVar}`);
    return extra.length ? `${option.description} (${extra.join(', ')})` : option.description;
  }
}

/** The first quoted word of commander's English message (an option's flags, a command's name). */
const quoted = (message: string): string => /'([^']+)'/.exec(message)?.[1] ?? '';

/** A usage error as one French sentence, from commander's error code; `hint` is the help to read. */
function usageSentence(code: string, message: string, hint: string): string {
  const guess = /Did you mean (?:one of )?([^?]+)\?/.exec(message)?.[1];
  const counts = /Expected (\d+) arguments? but got (\d+)/.exec(message);
  const sentences: Record<string, string> = {
    'commander.missingMandatoryOptionValue': `l’option ${quoted(message)} est obligatoire`,
    'commander.optionMissingArgument': `l’option ${quoted(message)} attend une valeur`,
    'commander.missingArgument': `il manque l’argument « ${quoted(message)} »`,
    'commander.unknownOption': `l’option ${quoted(message)} n’existe pas`,
    'commander.unknownCommand': `la commande « ${quoted(message)} » n’existe pas`,
    'commander.excessArguments': `il y a trop d’arguments (${counts?.[1] ?? '?'} attendu(s), ${counts?.[2] ?? '?'} donné(s))`,
  };
  const sentence = sentences[code] ?? 'la commande est mal écrite';
  return `Erreur : ${sentence}${guess ? ` (vouliez-vous dire ${guess} ?)` : ''} ; voir « ${hint} ».`;
}

function commandPath(cmd: Command): string {
  return cmd.parent ? `${commandPath(cmd.parent)} ${cmd.name()}` : cmd.name();
}

/** A commander command that speaks French: help and usage errors. Subcommands inherit it. */
class Commande extends Command {
  override createCommand(name?: string): Commande {
    return new Commande(name);
  }

  override createHelp(): Help {
    return Object.assign(new Aide(), this.configureHelp());
  }

  override error(message: string, options?: { code?: string; exitCode?: number }): never {
    return super.error(usageSentence(options?.code ?? '', message, `${commandPath(this)} --help`), options);
  }
}

/** The root of a French command line; its subcommands inherit the French help option and help command. */
export function frenchProgram(name: string): Command {
  return new Commande(name).helpOption('-h, --help', 'affiche cette aide').helpCommand('aide [commande]', 'affiche l’aide d’une commande');
}
