// The author's view in French. The keys are those of en.ts; a narrow no-break space (\u202f)
// before : ; ? ! as French typography sets them.
import type { AuthorStrings } from './en.ts';

const fr: AuthorStrings = {
  title: 'Vue de l’auteur',
  panel: 'Outils de l’auteur',
  intro:
    'Amenez la carte sur la vue voulue, puis copiez sa caméra dans le fichier du chapitre. Enregistrer un fichier du récit recharge le récit ici, au même chapitre.',
  chapters: 'Chapitres',
  chapterButton: (n, title, id) => `${n}. ${title} (${id})`,
  editing: 'En cours de modification',
  fileToEdit: 'Fichier à modifier',
  cameraNow: 'La caméra de la carte maintenant',
  cameraInFile: 'Dans le fichier maintenant',
  copyCamera: 'Copier la ligne de la caméra',
  copied: 'Copié dans le presse-papiers.',
  selected:
    'Le presse-papiers est inaccessible\u202f: le texte est sélectionné, appuyez sur Ctrl+C (⌘C) pour le copier.',
  reset: 'Revenir à la caméra du chapitre',
  moved: 'La carte a quitté la caméra du chapitre.',
  atChapter: 'La carte montre la caméra du chapitre.',
  place: 'Un lieu',
  placeHelp:
    'Cliquez sur la carte pour prendre un point (ou appuyez sur P pour le centre de la carte), puis ajoutez l’entrée à la liste «\u202ffeatures\u202f» du fichier des lieux, avec son id, ses noms, sa province et sa source.',
  placeNone: 'Aucun point pris pour l’instant.',
  newPlace: 'Nouveau lieu',
  copyPlace: 'Copier l’entrée du lieu',
  placeAtCentre: 'Prendre le centre de la carte',
  keysHint:
    'Carte\u202f: Tab pour y aller, puis les flèches la déplacent, + et − zooment, Maj+flèches la font pivoter et l’inclinent. Page préc. / Page suiv.\u202f: chapitre · C\u202f: copier la caméra · P\u202f: le centre comme lieu · R\u202f: revenir à la caméra du chapitre',
  mapNotReady: 'Chargement de la carte…',
  colon: '\u202f: ',
};

export default fr;
