import { create } from 'qrcode';

/** A QR symbol: `size`×`size` modules, dark or light (no quiet zone). */
export interface QrMatrix {
  size: number;
  dark: (row: number, col: number) => boolean;
}

/** The quiet zone scanners need around a symbol, in modules (the standard asks for 4). */
export const QR_MARGIN = 4;

/**
 * The largest symbol a phone still reads off the share dialog's 256-px picture or a printed page:
 * version 25 is 117 modules, about 2 px each there. Beyond it (or beyond what a QR code can hold
 * at all, version 40) the dialog says so instead of drawing a code nobody can scan.
 */
export const MAX_READABLE_QR_VERSION = 25;

/** Whether a text makes a QR code that can be scanned (qrcode's own capacity error counts as no). */
export function qrFits(text: string): boolean {
  try {
    return create(text, { errorCorrectionLevel: 'M' }).version <= MAX_READABLE_QR_VERSION;
  } catch {
    return false;
  }
}

/** The symbol for a text, with error correction M (about 15% of it may be smudged or covered). */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, col) => modules.get(row, col) === 1 };
}

/**
 * The symbol as SVG markup: one path of dark squares on white, quiet zone included, drawn
 * crisp at any size. `px` is the natural size an <img> shows it at.
 */
export function qrSvg(m: QrMatrix, px = 512): string {
  const n = m.size + 2 * QR_MARGIN;
  let d = '';
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; c++) {
      if (m.dark(r, c)) d += `M${c + QR_MARGIN} ${r + QR_MARGIN}h1v1h-1z`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${px}" height="${px}" viewBox="0 0 ${n} ${n}" shape-rendering="crispEdges">` +
    `<rect width="${n}" height="${n}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  );
}

/** The symbol as an image address for <img src>: data only, nothing from the text becomes markup. */
export function qrDataUrl(text: string, px = 512): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg(qrMatrix(text), px))}`;
}

/**
 * Draws the symbol with its quiet zone into the square at (x, y) of side `size` (pixels). Modules
 * are snapped to whole pixels so a scanner sees sharp edges.
 */
export function drawQr(ctx: CanvasRenderingContext2D, m: QrMatrix, x: number, y: number, size: number): void {
  const n = m.size + 2 * QR_MARGIN;
  const unit = Math.max(1, Math.floor(size / n));
  const side = unit * n;
  const ox = Math.round(x + (size - side) / 2);
  const oy = Math.round(y + (size - side) / 2);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(Math.round(x), Math.round(y), Math.round(size), Math.round(size));
  ctx.fillStyle = '#000000';
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; c++) {
      if (m.dark(r, c)) ctx.fillRect(ox + (c + QR_MARGIN) * unit, oy + (r + QR_MARGIN) * unit, unit, unit);
    }
  }
}
