// The author's view in Spanish. The keys are those of en.ts.
import type { AuthorStrings } from './en.ts';

const es: AuthorStrings = {
  title: 'Vista del autor',
  panel: 'Herramientas del autor',
  intro:
    'Mueve el mapa a la vista que quieras y copia su cámara en el archivo del capítulo. Al guardar un archivo de la historia, la historia se vuelve a cargar aquí, en el mismo capítulo.',
  chapters: 'Capítulos',
  chapterButton: (n, title, id) => `${n}. ${title} (${id})`,
  editing: 'Editando',
  fileToEdit: 'Archivo que editar',
  cameraNow: 'La cámara del mapa ahora',
  cameraInFile: 'En el archivo ahora',
  copyCamera: 'Copiar la línea de la cámara',
  copied: 'Copiado al portapapeles.',
  selected: 'No se pudo usar el portapapeles: el texto está seleccionado, pulsa Ctrl+C (⌘C) para copiarlo.',
  reset: 'Volver a la cámara del capítulo',
  moved: 'El mapa se ha movido de la cámara del capítulo.',
  atChapter: 'El mapa muestra la cámara del capítulo.',
  place: 'Un lugar',
  placeHelp:
    'Haz clic en el mapa para tomar un punto (o pulsa P para el centro del mapa), añade la entrada a la lista «features» del archivo de lugares y ponle su id, sus nombres, su provincia y su fuente.',
  placeNone: 'Todavía no se ha tomado ningún punto.',
  newPlace: 'Lugar nuevo',
  copyPlace: 'Copiar la entrada del lugar',
  placeAtCentre: 'Tomar el centro del mapa',
  keysHint:
    'Mapa: Tab para llegar a él; las flechas lo desplazan, + y − acercan y alejan, Mayús+flechas lo giran e inclinan. Re Pág / Av Pág: capítulo · C: copiar la cámara · P: el centro como lugar · R: volver a la cámara del capítulo',
  mapNotReady: 'Cargando el mapa…',
  colon: ': ',
};

export default es;
