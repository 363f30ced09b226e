import type { Map as MlMap } from 'maplibre-gl';
import { colon, t } from '../i18n/t';
import { selectLegend } from '../state/selectors';
import type { AppState } from '../state/store';
import { composeMapImage, downloadCanvas, type MapImageInput, pageFontStack, snapshotMap } from './map-image';
import { qrMatrix } from './qr';
import { dateLine, layersLine, mapImageFileName, sourcesFor, viewTitle } from './view-text';

/** Everything the picture of the current view shows besides the map: titles, legend, sources, date, QR. */
export function viewImageInput(
  s: AppState,
  snap: { canvas: HTMLCanvasElement; scale: number },
  href: string,
  date: Date,
): MapImageInput {
  const { lang } = s;
  return {
    map: snap.canvas,
    mapWidth: snap.canvas.width,
    mapHeight: snap.canvas.height,
    scale: snap.scale,
    texts: {
      title: t(lang, 'app.title'),
      subtitle: viewTitle(s),
      detail: layersLine(s),
      legendTitle: t(lang, 'legend.title'),
      sources: sourcesFor(s),
      sourcesLabel: `${t(lang, 'share.sources')}${colon(lang)}`,
      date: dateLine(lang, date),
      qrCaption: t(lang, 'share.scan'),
    },
    legend: selectLegend(s),
    qr: qrMatrix(href),
    font: pageFontStack(),
  };
}

/** Makes the PNG of the current view and downloads it; returns the file name. */
export async function exportMapImage(
  map: MlMap,
  s: AppState,
  href: string,
  date = new Date(),
): Promise<string> {
  // The page's fonts (the CJK face) must be ready before text is drawn on a canvas.
  await document.fonts?.ready;
  const snap = snapshotMap(map);
  const canvas = composeMapImage(viewImageInput(s, snap, href, date));
  const name = mapImageFileName(date);
  await downloadCanvas(canvas, name);
  return name;
}
