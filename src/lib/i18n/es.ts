// The interface in Spanish (as written in Spain, addressing the reader as tú). The keys are those of
// en.ts. Spanish typography: a question or an exclamation opens with ¿ or ¡.
import type { Strings } from './en.ts';

const es: Strings = {
  skipMap: 'Saltar el mapa e ir a la historia',
  mapLabel: 'Mapa de la historia. Cada capítulo describe lo que muestra.',
  mapNeedsJs: 'El mapa interactivo necesita JavaScript. Toda la historia puede leerse abajo sin él.',
  printNoMaps:
    'Impreso sin sus mapas. Para un folleto con una imagen del mapa de cada capítulo, abre la historia añadiendo ?mode=print a su dirección.',
  onTheMap: 'En el mapa: ',
  sources: 'Fuentes',
  chapterOf: (i, n) => `Capítulo ${i} de ${n}`,
  chapters: 'Capítulos',
  language: 'Idioma',
  languageName: 'Español',
  switchToLabel: 'Cambiar a español',
  mapFailed: 'No se pudo cargar el mapa. La historia está completa en el texto.',
  basemapFailed:
    'No se pudo cargar el mapa base, así que el mapa solo muestra los lugares de la historia. La historia está completa en el texto.',
  fontFailed: 'No se pudo cargar una fuente; el texto usa una fuente de sustitución.',
  noMapData: 'El mapa base no tiene datos para esta vista; aquí solo se dibujan los lugares de la historia.',
  reducedMotion: 'Reducir el movimiento',
  routesOnMap: 'Líneas en el mapa',
  routeLength: (length) => `unos ${length}`,
  routeLengthPart: (part, whole) => `dibujado hasta ahora: unos ${part} de ${whole}`,
  routeSchematic:
    'Trazada por los lugares principales del recorrido, no por el trayecto real; la longitud se mide sobre esta línea.',
  routeGreatCircle:
    'El camino más corto sobre el globo (un círculo máximo) entre los dos puntos, no una ruta aérea real.',
  areaSize: (area) => `Superficie: ${area}`,
  scaleCircleLabel: (area) => `Círculo de ${area}, como escala: no es una frontera`,
  figures: 'Cifras',
  figureSource: 'Fuente',
  seriesAlt: (label, values, ratio) =>
    `${label}: ${values}.${ratio ? ` La última cifra es ${ratio} veces la primera.` : ''}`,
  timesRatio: (ratio) => `× ${ratio}`,
  publisher: 'Publicado por',
  licence: 'Licencia',
  address: 'Dirección',
  allSources: 'Todas las fuentes de esta historia y de su mapa',
  basemap: 'Mapa base',
  basemapNote: 'El mapa base (ríos, costas, lagos y fronteras) está hecho con estos datos abiertos:',
  embeddedCredits: (gshhg, dcw, ne) =>
    `${gshhg} costas y ríos (LGPL) · ${dcw} provincias (LGPL) · ${ne} países (dominio público) · ` +
    'fronteras de facto, las disputadas en trazos',
  protomapsCredits: (ne) =>
    '<a href="https://www.openstreetmap.org/copyright">© colaboradores de OpenStreetMap</a> (ODbL) · ' +
    `<a href="https://protomaps.com">Protomaps</a> · ${ne} (dominio público)`,

  colon: ': ',
  listSeparator: '; ',
  withUnit: (n, unit) => `${n}\u00a0${unit}`,
  km: 'km',
  km2: 'km²',

  slideCount: (i, n) => `${i} / ${n}`,
  slidePage: (i, n) => `página ${i} de ${n} de esta diapositiva`,
  presentControls: 'Controles de la presentación',
  previous: 'Anterior',
  next: 'Siguiente',
  previousChapter: 'Capítulo anterior',
  nextChapter: 'Capítulo siguiente',
  previousPage: 'Página anterior',
  nextPage: 'Página siguiente',
  explore: 'Explorar el mapa',
  backToChapter: 'Volver a la vista del capítulo',
  exploring:
    'Explorando el mapa: arrastra para desplazarte, usa la rueda para acercar y arrastra con el botón derecho para girar. R o → vuelve a la historia.',
  speakerView: 'Vista del presentador',
  fullScreen: 'Pantalla completa',
  exitFullScreen: 'Salir de la pantalla completa',
  blankNotice: 'Pantalla en negro. Pulsa cualquier tecla para recuperarla.',
  goToChapter: (n) => `Ir al capítulo ${n}: pulsa Intro`,
  popupBlocked:
    'El navegador bloqueó la ventana del presentador. Permite las ventanas emergentes en esta página y vuelve a pulsar S.',
  keysHint:
    '→ siguiente · ← atrás · número + Intro: saltar · B negro · E explorar · F pantalla completa · S vista del presentador',
  speakerKeysHint:
    '→ siguiente · ← atrás · número + Intro: saltar · B pantalla del público en negro · F pantalla completa',
  now: 'Ahora',
  upNext: 'Después',
  endOfStory: 'Este es el último capítulo.',
  notes: 'Notas del presentador',
  noNotes: 'Este capítulo no tiene notas.',
  slideText: 'Texto en pantalla',
  elapsed: 'Tiempo transcurrido',
  restartTimer: 'Reiniciar el cronómetro',
  blankAudience: 'Poner en negro la pantalla del público',
  audienceBlank: 'La pantalla del público está en negro.',
  handout: 'Folleto',
  print: 'Imprimir',
  preparingImages: (i, n) => `Preparando las imágenes del mapa: ${i} de ${n}…`,
  readyToPrint: 'Listo para imprimir: A4 o Carta, vertical.',
  mapOf: (title) => `Mapa: ${title}`,
  contents: 'Índice',
  handoutNote: 'Los mapas son imágenes del mapa interactivo en cada capítulo.',
  kioskTouch: 'Toca la pantalla para explorar',
  kioskPrev: 'Anterior',
  kioskPrevLabel: 'Capítulo anterior',
  kioskNext: 'Siguiente',
  kioskNextLabel: 'Capítulo siguiente',
  kioskClose: 'Cerrar',
  kioskResume: 'Reanudar el recorrido',
  kioskResumesAfter: (s) => `El recorrido se reanuda solo tras ${s} segundos sin contacto.`,
};

export default es;
