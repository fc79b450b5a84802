/**
 * « Comment faire ? » — the 3 to 5 steps of each screen, shown at the top of the page on request (issue 11: help
 * where the work is). `[[terme]]` links a word to its explanation from docs/glossaire.md. Keyed by the page's
 * address; the longest matching prefix wins, so `/budget/2026` takes the help of `/budget/`.
 */
export interface Aide {
  titre: string;
  etapes: string[];
}

export const AIDES: Record<string, Aide> = {
  '/': {
    titre: 'Par où commencer',
    etapes: [
      'Les cartes de l’accueil mènent au travail de votre rôle : mandats, régie, état civil…',
      'Le menu à gauche regroupe les écrans par domaine ; le bouton ☰ en haut le masque sur un petit écran.',
      'Pointez un mot souligné en pointillé pour lire son explication.',
      'Dans la base de formation, essayez tout : rien ne touche les vrais registres.',
      'Maire, secrétaire général et comptable : le tableau de bord montre les cinq taux de l’exercice, les cumuls du mois, les lignes presque épuisées et ce qui vous attend ; pointez un taux pour lire sa définition.',
    ],
  },
  '/commune': {
    titre: 'Tenir la fiche de la commune',
    etapes: [
      'Vérifiez le nom, le cercle, la région et la population : ils s’impriment en tête de chaque document.',
      'Le maire et le secrétaire général nommés ici signent les documents.',
      'Enregistrez ; la modification est inscrite à l’historique.',
    ],
  },
  '/localites': {
    titre: 'Tenir la liste des villages et fractions',
    etapes: [
      'Chaque village ou fraction a sa population et son chef : ils servent aux rôles, aux statistiques et aux projets.',
      'Ajoutez une localité avec son type, son nom et sa population.',
      'Vérifiez que la somme des populations des villages égale celle de la commune.',
    ],
  },
  '/budget': {
    titre: 'Préparer et suivre le budget',
    etapes: [
      '« Créer l’exercice… » ouvre une nouvelle année (une seule fois, après confirmation) ; « Consulter » ouvre une année existante.',
      'Saisissez le budget primitif ligne par ligne : code nature, fonction, montant ; Entrée passe au champ suivant.',
      'Enregistrez le projet, puis enregistrez le vote du conseil et l’approbation de la tutelle : le budget est alors exécutoire.',
      'En cours d’année, un [[virement]] déplace du [[crédit ouvert]] d’une ligne à une autre.',
      'Un exercice ouvert par erreur se supprime tant qu’il ne contient que son brouillon.',
    ],
  },
  '/depenses/mandats': {
    titre: 'Émettre un mandat par son index',
    etapes: [
      'Tapez le numéro d’[[index]] dans le champ et appuyez sur Entrée (ou Tab) : le mandat se remplit.',
      'Vérifiez la date et le montant ; Entrée encore émet le mandat.',
      'Joignez les [[pièces justificatives]] demandées, puis imprimez le mandat.',
      'Les mandats émis vont au percepteur sur un [[bordereau]].',
    ],
  },
  '/depenses/mois': {
    titre: 'Mandater les salaires et indemnités du mois',
    etapes: [
      'Choisissez le mois et la date des mandats.',
      'L’aperçu liste chaque [[index]] périodique dû : ceux déjà mandatés pour ce mois sont écartés.',
      'Confirmez : GM2i montre le nombre de mandats et leur total avant d’émettre.',
      'Imprimez les mandats, le [[bordereau]] et l’état des salaires.',
    ],
  },
  '/depenses/engagements': {
    titre: 'Engager, liquider, mandater',
    etapes: [
      '[[engager|Engagez]] avant la commande : ligne, fournisseur, objet, montant ; le [[disponible]] baisse aussitôt.',
      'Au service fait, ouvrez la suite de l’engagement et [[liquider|liquidez]] au vu de la facture.',
      'Puis [[mandater|mandatez]] la liquidation : le mandat part au percepteur sur un [[bordereau]].',
      'Si une partie ne sera pas dépensée, [[dégager|dégagez]]-la : elle revient au disponible.',
    ],
  },
  '/depenses/bordereaux': {
    titre: 'Remettre les mandats au percepteur',
    etapes: [
      'Cochez les mandats émis d’une même section.',
      'Datez le [[bordereau]] et créez-le ; imprimez-le pour la signature du maire.',
      'Enregistrez la date de remise au percepteur : le paiement ou le rejet viennent après.',
    ],
  },
  '/depenses/suivi': {
    titre: 'Suivre les crédits',
    etapes: [
      'Chaque ligne de dépense montre son [[crédit ouvert]], l’engagé, le mandaté et le [[disponible]].',
      'Une ligne presque épuisée appelle un [[virement]] ou le budget additionnel.',
      'Imprimez la fiche de suivi pour le maire ou le conseil.',
    ],
  },
  '/depenses/index': {
    titre: 'Tenir les index et les tiers',
    etapes: [
      'Un [[tiers]] est celui que la commune paie : créez-le une fois, avec son moyen de paiement.',
      'Un [[index]] relie un tiers, une ligne du budget et un montant habituel (salaire, indemnité, facture mensuelle).',
      'Un index périodique est mandaté chaque mois par le mandatement du mois.',
    ],
  },
  '/recettes/regie': {
    titre: 'Encaisser à la régie',
    etapes: [
      'Choisissez le quittancier et le village, puis tapez les premières lettres du nom du contribuable.',
      'Ses dettes s’affichent (TDRL, taxes du [[rôle]], [[titre de recette|titres]]) ; tapez le montant reçu.',
      'Vérifiez la répartition, enregistrez : la [[quittance]] s’imprime avec le montant en lettres.',
      'Une vente au comptant (vignette, droit de copie) se fait dans l’onglet prévu, au tarif.',
    ],
  },
  '/recettes/quittances': {
    titre: 'Retrouver une quittance',
    etapes: [
      'Cherchez par numéro, nom ou date.',
      'Ouvrez-la pour la réimprimer ; une erreur s’annule avec un motif, jamais en effaçant.',
    ],
  },
  '/recettes/caisse': {
    titre: 'Tenir la caisse',
    etapes: [
      'La caisse montre l’argent encaissé et pas encore versé.',
      'Faites le [[versement]] au percepteur : GM2i prépare l’état des quittances versées ; notez le numéro du récépissé.',
      'Dressez l’[[arrêté de caisse]] à date et faites-le contresigner par une autre personne.',
    ],
  },
  '/recettes/recouvrement': {
    titre: 'Suivre le recouvrement',
    etapes: [
      'Le taux de recouvrement se lit par village, par recette ou par mois.',
      'Choisissez une période pour comparer ; imprimez le tableau et son graphique.',
      'La liste des arriérés nomme chaque contribuable qui doit encore.',
    ],
  },
  '/recettes/contribuables': {
    titre: 'Tenir les contribuables',
    etapes: [
      'Choisissez le village ; chaque ménage liste ses personnes d’après le carnet de famille.',
      'Notez les arrivées, départs et décès : le prochain [[rôle]] en tient compte.',
      'Les exonérations sont décidées par l’ordonnateur, avec leur motif.',
    ],
  },
  '/recettes/roles': {
    titre: 'Établir un rôle',
    etapes: [
      'Prévisualisez le [[rôle]] d’un village : GM2i liste les imposables et dit pourquoi les autres sont écartés.',
      'Créez-le, imprimez-le avec les avertissements par ménage.',
      'Le maire l’[[homologuer|homologue]] : on peut alors encaisser ; une erreur se corrige par une réduction.',
    ],
  },
  '/recettes/titres': {
    titre: 'Émettre un titre de recette',
    etapes: [
      'Un [[titre de recette]] nomme le débiteur, la recette et le montant.',
      'Il se paie à la régie par son numéro ; une erreur se corrige par une réduction ou une annulation numérotée.',
    ],
  },
  '/recettes/catalogue': {
    titre: 'Fixer les tarifs',
    etapes: [
      'Chaque recette a son tarif pour l’exercice et sa part commune, cercle et région.',
      'Un tarif marqué « à confirmer » attend le texte officiel : citez-le dès que vous l’avez.',
    ],
  },
  '/etat-civil/naissance': {
    titre: 'Déclarer une naissance',
    etapes: [
      'Choisissez le centre et le [[registre]] de l’année ; datez l’acte.',
      'Tapez l’enfant, puis le père et la mère ; GM2i signale une naissance qui ressemble à un acte déjà inscrit.',
      'Après le délai légal, il faut un jugement supplétif : GM2i le demande.',
      'Enregistrez : l’acte prend le numéro suivant du registre ; imprimez-le et envoyez le [[volet]].',
    ],
  },
  '/etat-civil/deces': {
    titre: 'Déclarer un décès',
    etapes: [
      'Choisissez le centre, le [[registre]], la date de l’acte.',
      'Tapez le défunt et le déclarant ; un décès suspect est signalé.',
      'Enregistrez : si l’acte de naissance est tenu ici, la [[mention marginale]] y est portée.',
    ],
  },
  '/etat-civil/mariages': {
    titre: 'Célébrer un mariage',
    etapes: [
      'Publiez les bans : la célébration vient après 15 jours francs, sauf dispense.',
      'Une opposition suspend le mariage jusqu’à sa mainlevée.',
      'Célébrez : l’acte est inscrit au [[registre]] et mentionné sur les actes de naissance tenus ici.',
    ],
  },
  '/etat-civil/actes': {
    titre: 'Retrouver un acte, délivrer une copie',
    etapes: [
      'Cherchez par nom ou prénom (les accents ne comptent pas), type, année.',
      'Ouvrez l’acte : ses [[mention marginale|mentions]] et ses [[volet|volets]] s’affichent.',
      'Délivrez une copie ou un extrait : le droit est encaissé par une [[quittance]] de la régie.',
    ],
  },
  '/etat-civil/registres': {
    titre: 'Ouvrir et clore les registres',
    etapes: [
      'Un [[registre]] par centre, par type d’acte et par année ; ouvrez-le au début de l’année.',
      'À la fin de l’année, closez-le par arrêté : il ne reçoit plus d’acte.',
      'Les réglages (délais, droit de copie) citent le texte qui les fixe.',
    ],
  },
  '/etat-civil/statistiques': {
    titre: 'Produire les statistiques',
    etapes: [
      'Choisissez l’année et la période : naissances, décès, mariages par centre et par sexe.',
      'Imprimez ou exportez le tableau pour le cercle.',
    ],
  },
  '/comptabilite/situation': {
    titre: 'Lire la situation d’exécution',
    etapes: [
      'Choisissez la date : la situation compte tout ce qui est daté ce jour-là ou avant.',
      'Regroupez par ligne, chapitre ou section ; les dépenses montrent le [[crédit ouvert]], l’engagé, le mandaté, le payé et le [[disponible]].',
      'Les recettes montrent les prévisions, les [[titre de recette|titres]] émis, le recouvré et le reste.',
      'Cliquez le code d’une ligne pour voir son grand livre ; imprimez le PDF pour le contrôleur financier ou le conseil.',
      '« Par mois » ou « Par trimestre » montre les cumuls à la fin de chaque période jusqu’à la date, avec leur courbe.',
    ],
  },
  '/comptabilite/journaux': {
    titre: 'Consulter les journaux',
    etapes: [
      'Les journaux des mandats, des titres et des quittances se tiennent seuls, à partir des pièces saisies.',
      'Les totaux en bas valent pour tout le journal, pas seulement pour la page affichée.',
      'Téléchargez le journal en PDF ou en tableur pour l’archiver.',
    ],
  },
  '/comptabilite/compte-administratif': {
    titre: 'Préparer le compte administratif',
    etapes: [
      'Choisissez l’exercice : le [[compte administratif]] se calcule des mandats et des titres, rien n’est à saisir.',
      'Lisez les résultats de chaque section, puis les chapitres et articles, ou le tableau nature × fonction.',
      'Importez le [[compte de gestion]] que le percepteur vous remet (CSV ou XLSX : sens, nature, montant) : chaque écart s’affiche.',
      'Expliquez chaque écart (une phrase), puis enregistrez la délibération qui adopte le compte, après la [[clôture]].',
      'Imprimez le PDF pour le conseil et la tutelle.',
    ],
  },
  '/comptabilite/cloture': {
    titre: 'Clore l’exercice',
    etapes: [
      'La page s’ouvre sur le plus ancien exercice en exécution ; la [[clôture]] est possible après la [[période complémentaire]].',
      'Réglez les points bloquants (en rouge), relisez les points à vérifier (en orange) : mandats non payés, caisse non versée…',
      'Vérifiez ce qui sera reporté au budget additionnel suivant : le [[résultat reporté]] et les [[restes à réaliser]].',
      'Cochez la case de lecture, choisissez la date et confirmez : l’exercice est verrouillé ; seul l’administrateur peut le rouvrir, avec un motif.',
    ],
  },
  '/tresorerie': {
    titre: 'Rapprocher la trésorerie',
    etapes: [
      'Choisissez la période : l’encaisse de la régie, ce qui a été versé au percepteur et les mandats payés s’affichent.',
      'Importez le [[relevé du percepteur|relevé]] que le percepteur vous remet en fichier (CSV ou XLSX : date, référence, libellé, montant) : vérifiez l’aperçu, corrigez le fichier s’il signale des lignes, puis confirmez. Un même relevé ne s’importe qu’une fois.',
      'Ou saisissez chaque récépissé du relevé papier, avec son numéro et son montant.',
      'GM2i rapproche chaque [[versement]] de son récépissé et liste les écarts avec leur raison.',
      'Une ligne mal tapée s’annule avec un motif, jamais en l’effaçant.',
    ],
  },
  '/sauvegardes': {
    titre: 'Copier les registres sur une clé',
    etapes: [
      'Branchez la clé USB, choisissez-la dans la liste (ou tapez le chemin d’un dossier).',
      'Copiez : GM2i écrit une sauvegarde complète et la relit pour vérifier qu’elle est intacte.',
      'Gardez la clé hors de la mairie ; l’accueil prévient après 7 jours sans copie.',
    ],
  },
  '/historique': {
    titre: 'Lire l’historique',
    etapes: [
      'Chaque enregistrement de GM2i y est inscrit, avec son auteur et sa date ; rien ne s’efface.',
      'Filtrez par personne, par registre ou par période.',
      'La vérification dit si le journal a été modifié en dehors de GM2i.',
    ],
  },
  '/utilisateurs': {
    titre: 'Gérer les comptes',
    etapes: [
      'Créez un compte par personne, avec son rôle : chacun ne voit que son travail.',
      'GM2i donne un mot de passe provisoire, à changer à la première connexion.',
      'Désactivez le compte de qui quitte la mairie ; ne le partagez jamais.',
    ],
  },
  '/mot-de-passe': {
    titre: 'Changer de mot de passe',
    etapes: ['Tapez l’ancien mot de passe, puis le nouveau deux fois.', 'Choisissez une phrase longue, facile à retenir pour vous seul.'],
  },
};

/** The help of an address: the entry of the longest prefix (`/budget/2026` → `/budget`). */
export function aideDe(chemin: string): Aide | null {
  let best: string | null = null;
  for (const k of Object.keys(AIDES))
    if ((chemin === k || chemin.startsWith(k === '/' ? '/\u0000' : `${k}/`)) && (!best || k.length > best.length)) best = k;
  return best ? AIDES[best]! : null;
}
