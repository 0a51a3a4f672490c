// Full screen for the projector. The Fullscreen API is missing in some browsers and frames
// (and refused without a user gesture): every call is guarded and failures are only logged.

export function fullscreenAvailable(doc: Document = document): boolean {
  return doc.fullscreenEnabled === true && typeof doc.documentElement.requestFullscreen === 'function';
}

export function isFullscreen(doc: Document = document): boolean {
  return Boolean(doc.fullscreenElement);
}

export async function toggleFullscreen(doc: Document = document): Promise<void> {
  if (!fullscreenAvailable(doc)) return;
  try {
    if (doc.fullscreenElement) await doc.exitFullscreen();
    else await doc.documentElement.requestFullscreen({ navigationUI: 'hide' });
  } catch (e) {
    console.warn('full screen refused:', e);
  }
}

/** Calls `onChange` when the page enters or leaves full screen (also by Esc). Returns a dispose. */
export function fullscreenDriver(onChange: (on: boolean) => void, doc: Document = document): () => void {
  const f = () => onChange(isFullscreen(doc));
  doc.addEventListener('fullscreenchange', f);
  return () => doc.removeEventListener('fullscreenchange', f);
}
