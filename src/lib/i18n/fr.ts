// The interface in French. The keys are those of en.ts. French typography: a narrow no-break space
// (\u202f) before : ; ? ! and inside « », written as the escape so that it can be seen here.
import type { Strings } from './en.ts';

const fr: Strings = {
  skipMap: 'Passer la carte et aller au récit',
  mapLabel: 'Carte du récit. Chaque chapitre décrit ce qu’elle montre.',
  mapNeedsJs: 'La carte interactive a besoin de JavaScript. Tout le récit se lit ci-dessous sans elle.',
  printNoMaps:
    'Imprimé sans ses cartes. Pour un polycopié avec une image de la carte de chaque chapitre, ouvrez le récit en ajoutant ?mode=print à son adresse.',
  onTheMap: 'Sur la carte\u202f: ',
  sources: 'Sources',
  chapterOf: (i, n) => `Chapitre ${i} sur ${n}`,
  chapters: 'Chapitres',
  language: 'Langue',
  languageName: 'Français',
  switchToLabel: 'Passer en français',
  mapFailed: 'La carte n’a pas pu être chargée. Le récit lui-même est complet dans le texte.',
  basemapFailed:
    'Le fond de carte n’a pas pu être chargé\u202f: la carte ne montre que les lieux du récit. Le récit lui-même est complet dans le texte.',
  fontFailed: 'Une police n’a pas pu être chargée\u202f; le texte s’affiche dans une police de remplacement.',
  noMapData:
    'Le fond de carte n’a pas de données pour cette vue\u202f; seuls les lieux du récit y sont dessinés.',
  reducedMotion: 'Réduire les animations',
  routesOnMap: 'Tracés sur la carte',
  routeLength: (length) => `environ ${length}`,
  routeLengthPart: (part, whole) => `tracé jusqu’ici\u202f: environ ${part} sur ${whole}`,
  routeSchematic:
    'Tracé par les principaux lieux du parcours, non le long du trajet réel\u202f; la longueur est mesurée sur ce tracé.',
  routeGreatCircle:
    'Le plus court chemin sur le globe (un grand cercle) entre les deux points, non une vraie route aérienne.',
  areaSize: (area) => `Superficie\u202f: ${area}`,
  scaleCircleLabel: (area) => `Disque de ${area}, pour l’échelle\u202f: pas une frontière`,
  figures: 'Chiffres',
  figureSource: 'Source',
  seriesAlt: (label, values, ratio) =>
    `${label}\u202f: ${values}.${ratio ? ` La dernière valeur vaut ${ratio} fois la première.` : ''}`,
  timesRatio: (ratio) => `× ${ratio}`,
  publisher: 'Publié par',
  licence: 'Licence',
  address: 'Adresse',
  allSources: 'Toutes les sources de ce récit et de sa carte',
  basemap: 'Fond de carte',
  basemapNote:
    'Le fond de carte (fleuves, côtes, lacs et frontières) est construit à partir de ces données ouvertes\u202f:',
  embeddedCredits: (gshhg, dcw, ne) =>
    `${gshhg} côtes et fleuves (LGPL) · ${dcw} provinces (LGPL) · ${ne} pays (domaine public) · ` +
    'frontières de fait, les frontières contestées en tirets',
  protomapsCredits: (ne) =>
    '<a href="https://www.openstreetmap.org/copyright">© les contributeurs d’OpenStreetMap</a> (ODbL) · ' +
    `<a href="https://protomaps.com">Protomaps</a> · ${ne} (domaine public)`,

  colon: '\u202f: ',
  listSeparator: '\u202f; ',
  withUnit: (n, unit) => `${n}\u00a0${unit}`,
  km: 'km',
  km2: 'km²',

  slideCount: (i, n) => `${i} / ${n}`,
  slidePage: (i, n) => `page ${i} sur ${n} de cette diapositive`,
  presentControls: 'Commandes de la présentation',
  previous: 'Précédent',
  next: 'Suivant',
  previousChapter: 'Chapitre précédent',
  nextChapter: 'Chapitre suivant',
  previousPage: 'Page précédente',
  nextPage: 'Page suivante',
  explore: 'Explorer la carte',
  backToChapter: 'Revenir à la vue du chapitre',
  exploring:
    'Exploration de la carte\u202f: faites glisser pour vous déplacer, la molette pour zoomer, le clic droit pour pivoter. R ou → revient au récit.',
  speakerView: 'Vue présentateur',
  fullScreen: 'Plein écran',
  exitFullScreen: 'Quitter le plein écran',
  blankNotice: 'Écran masqué. Appuyez sur une touche pour le rétablir.',
  goToChapter: (n) => `Aller au chapitre ${n} — appuyez sur Entrée`,
  popupBlocked:
    'Le navigateur a bloqué la fenêtre du présentateur. Autorisez les fenêtres surgissantes pour cette page, puis appuyez de nouveau sur S.',
  keysHint:
    '→ suivant · ← retour · numéro + Entrée\u202f: aller à · B masquer · E explorer · F plein écran · S vue présentateur',
  speakerKeysHint:
    '→ suivant · ← retour · numéro + Entrée\u202f: aller à · B masquer l’écran du public · F plein écran',
  now: 'En cours',
  upNext: 'Ensuite',
  endOfStory: 'C’est le dernier chapitre.',
  notes: 'Notes du présentateur',
  noNotes: 'Pas de notes pour ce chapitre.',
  slideText: 'Texte à l’écran',
  elapsed: 'Temps écoulé',
  restartTimer: 'Relancer le chronomètre',
  blankAudience: 'Masquer l’écran du public',
  audienceBlank: 'L’écran du public est masqué.',
  handout: 'Polycopié',
  print: 'Imprimer',
  preparingImages: (i, n) => `Préparation des images de la carte\u202f: ${i} sur ${n}…`,
  readyToPrint: 'Prêt à imprimer\u202f: A4 ou Letter, portrait.',
  mapOf: (title) => `Carte\u202f: ${title}`,
  contents: 'Sommaire',
  handoutNote: 'Les cartes sont des images de la carte interactive à chaque chapitre.',
  kioskTouch: 'Touchez l’écran pour explorer',
  kioskPrev: 'Précédent',
  kioskPrevLabel: 'Chapitre précédent',
  kioskNext: 'Suivant',
  kioskNextLabel: 'Chapitre suivant',
  kioskClose: 'Fermer',
  kioskResume: 'Reprendre la visite',
  kioskResumesAfter: (s) => `La visite reprend d’elle-même après ${s} secondes sans contact.`,
};

export default fr;
