import type { Map as MlMap } from 'maplibre-gl';
import { FONT_STACK, THEME } from '../layers/palette';
import type { LegendEntry } from '../layers/types';
import { drawQr, type QrMatrix } from './qr';

/**
 * The map as it is on screen, as a plain 2D canvas. A WebGL canvas keeps no picture between
 * frames (no preserveDrawingBuffer), so, as the print snapshot does, draw one frame now and copy
 * it in the same task, before the browser hands the frame to the screen and clears it.
 */
export function snapshotMap(map: MlMap, redraw = true): { canvas: HTMLCanvasElement; scale: number } {
  // Without a redraw only in the task of the frame being copied (an 'idle' or 'render' handler).
  if (redraw) map.redraw();
  const src = map.getCanvas();
  const out = document.createElement('canvas');
  out.width = src.width;
  out.height = src.height;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  // Opaque, so a JPEG of it has no black where the map left a pixel transparent.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(src, 0, 0);
  const cssWidth = map.getContainer().clientWidth || src.width;
  return { canvas: out, scale: src.width / cssWidth };
}

/** The app's font stack (styles.css :root --font), so canvas text is the CJK face the page uses. */
export function pageFontStack(): string {
  const css =
    typeof document === 'undefined'
      ? ''
      : getComputedStyle(document.documentElement).getPropertyValue('--font').trim();
  return css || FONT_STACK.map((f) => (f.includes(' ') ? `"${f}"` : f)).join(', ');
}

export interface MapImageTexts {
  /** The app's title. */
  title: string;
  /** What is shown: the selected area, segment, tour step… */
  subtitle: string;
  /** A smaller line under it (the layers on the map). */
  detail: string;
  legendTitle: string;
  /** One line per source; joined and wrapped to the width. */
  sources: string[];
  sourcesLabel: string;
  /** "日期：2025-06-01". */
  date: string;
  /** Under the QR code. */
  qrCaption: string;
}

export interface MapImageInput {
  /** The map picture (a snapshot canvas or a loaded image) and its size in pixels. */
  map: CanvasImageSource;
  mapWidth: number;
  mapHeight: number;
  /** Pixels per CSS pixel in the map picture: text and symbols are drawn at the same density. */
  scale: number;
  texts: MapImageTexts;
  legend: readonly LegendEntry[];
  /** The QR code of the view's link, or null for none. */
  qr: QrMatrix | null;
  /** CSS font-family list. */
  font: string;
}

// Layout in CSS pixels; multiplied by the picture's scale when drawn.
const PAD = 28;
const MIN_CONTENT = 700;
const QR_SIDE = 184;
const GAP = 20;
const COL_MIN = 230;
const COL_GAP = 16;
const MARK = 16;
const INK = THEME.text;
const MUTED = THEME.textMuted;
const BRAND = '#1f3a52';

interface Font {
  size: number;
  weight: number;
  line: number;
}
const F_TITLE: Font = { size: 28, weight: 700, line: 36 };
const F_SUB: Font = { size: 21, weight: 600, line: 28 };
const F_DETAIL: Font = { size: 14, weight: 400, line: 20 };
const F_HEAD: Font = { size: 16, weight: 700, line: 24 };
const F_LABEL: Font = { size: 14, weight: 600, line: 19 };
const F_SMALL: Font = { size: 12, weight: 400, line: 16 };

// A Han character, kana or full-width punctuation: a line may break before or after any of them.
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
const TOKENS =
  /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+|\s+/g;

/**
 * Breaks a text into lines no wider than `width` (as `measure` says): between Han characters
 * anywhere, between Latin words at spaces, inside a word only when it is wider than a line.
 * At most `maxLines`; a cut last line ends with an ellipsis.
 */
export function wrapText(
  text: string,
  width: number,
  measure: (s: string) => number,
  maxLines = Number.POSITIVE_INFINITY,
): string[] {
  const lines: string[] = [];
  let line = '';
  const push = () => {
    lines.push(line.trimEnd());
    line = '';
  };
  for (const tok of text.match(TOKENS) ?? []) {
    if (/^\s+$/.test(tok)) {
      if (line) line += ' ';
      continue;
    }
    if (measure(line + tok) <= width) {
      line += tok;
      continue;
    }
    if (line.trim()) push();
    if (measure(tok) <= width || CJK.test(tok)) {
      line = tok;
      continue;
    }
    // A word longer than a line (a URL): cut it by characters.
    for (const ch of tok) {
      if (line && measure(line + ch) > width) push();
      line += ch;
    }
  }
  if (line.trim()) push();
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    let last = kept[maxLines - 1] ?? '';
    while (last && measure(`${last}…`) > width) last = last.slice(0, -1);
    kept[maxLines - 1] = `${last}…`;
    return kept;
  }
  return lines;
}

interface Placed {
  entry: LegendEntry;
  x: number;
  y: number;
  label: string[];
  detail: string[];
}

/**
 * Composes the picture: title and what is shown, the map, the legend beside the QR code of the
 * view's link, then the sources and the date, on white. Pure but for the canvas it draws on (a
 * new one unless given): the same input gives the same picture.
 */
export function composeMapImage(
  input: MapImageInput,
  canvas: HTMLCanvasElement = document.createElement('canvas'),
): HTMLCanvasElement {
  const k = input.scale > 0 ? input.scale : 1;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  const fontOf = (f: Font) => `${f.weight} ${f.size}px ${input.font}`;
  // Measured at CSS size, drawn at k times it.
  const measureWith = (f: Font) => {
    ctx.font = fontOf(f);
    return (s: string) => ctx.measureText(s).width;
  };
  const wrap = (text: string, f: Font, width: number, max?: number) =>
    wrapText(text, width, measureWith(f), max);

  const mapCssW = input.mapWidth / k;
  const mapCssH = input.mapHeight / k;
  const contentW = Math.max(mapCssW, MIN_CONTENT);
  const width = contentW + 2 * PAD;
  const { texts } = input;

  // --- layout (CSS px) ---
  let y = PAD;
  const titleLines = wrap(texts.title, F_TITLE, contentW);
  const titleY = y;
  y += titleLines.length * F_TITLE.line;
  const subLines = wrap(texts.subtitle, F_SUB, contentW, 2);
  const subY = y + 2;
  y = subY + subLines.length * F_SUB.line;
  const detailLines = texts.detail ? wrap(texts.detail, F_DETAIL, contentW, 2) : [];
  const detailY = y + 2;
  y = detailY + detailLines.length * F_DETAIL.line + 12;

  const mapX = PAD + (contentW - mapCssW) / 2;
  const mapY = y;
  y += mapCssH + GAP;

  const qrW = input.qr ? QR_SIDE : 0;
  const legendX = PAD;
  const legendW = contentW - (qrW ? qrW + 2 * GAP : 0);
  const legendTitleY = y;
  let ly = y + F_HEAD.line + 4;
  const cols = Math.max(1, Math.floor((legendW + COL_GAP) / (COL_MIN + COL_GAP)));
  const colW = (legendW - (cols - 1) * COL_GAP) / cols;
  const textW = colW - MARK - 8;
  const placed: Placed[] = [];
  let col = 0;
  let rowH = 0;
  let group: LegendEntry['group'] | null = null;
  const newRow = () => {
    if (col > 0) ly += rowH + 8;
    col = 0;
    rowH = 0;
  };
  for (const entry of input.legend) {
    if (entry.group !== group) {
      newRow();
      if (group !== null) ly += 4;
      group = entry.group;
    }
    if (entry.mark === 'none') {
      newRow();
      const label = wrap(entry.label, F_SMALL, legendW, 2);
      placed.push({ entry, x: legendX, y: ly, label, detail: [] });
      ly += label.length * F_SMALL.line + 4;
      continue;
    }
    const label = wrap(entry.label, F_LABEL, textW, 2);
    const detail = entry.detail ? wrap(entry.detail, F_SMALL, textW, 2) : [];
    const h = Math.max(MARK + 2, label.length * F_LABEL.line + detail.length * F_SMALL.line);
    placed.push({ entry, x: legendX + col * (colW + COL_GAP), y: ly, label, detail });
    rowH = Math.max(rowH, h);
    col++;
    if (col === cols) newRow();
  }
  newRow();
  const legendBottom = ly;

  const qrX = PAD + contentW - qrW;
  const qrY = y + 4;
  const captionLines = input.qr ? wrap(texts.qrCaption, F_SMALL, qrW) : [];
  const qrBottom = input.qr ? qrY + qrW + 6 + captionLines.length * F_SMALL.line : y;

  y = Math.max(legendBottom, qrBottom) + GAP;
  const sourcesLines = wrap(`${texts.sourcesLabel}${texts.sources.join(' · ')}`, F_SMALL, contentW);
  const sourcesY = y;
  y += sourcesLines.length * F_SMALL.line + 4;
  const dateY = y;
  y += F_SMALL.line + PAD;
  const height = y;

  // --- draw (device px) ---
  canvas.width = Math.ceil(width * k);
  canvas.height = Math.ceil(height * k);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(k, k);
  ctx.textBaseline = 'alphabetic';
  const text = (
    lines: string[],
    f: Font,
    x: number,
    top: number,
    colour: string,
    align: CanvasTextAlign = 'left',
  ) => {
    ctx.font = fontOf(f);
    ctx.fillStyle = colour;
    ctx.textAlign = align;
    // Baseline about 0.78 of the line box down, as CSS places it.
    lines.forEach((l, i) => {
      ctx.fillText(l, x, top + i * f.line + f.line * 0.5 + f.size * 0.36);
    });
    ctx.textAlign = 'left';
  };
  text(titleLines, F_TITLE, PAD, titleY, INK);
  text(subLines, F_SUB, PAD, subY, BRAND);
  text(detailLines, F_DETAIL, PAD, detailY, MUTED);

  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(input.map, mapX, mapY, mapCssW, mapCssH);
  ctx.strokeStyle = '#9aa3ab';
  ctx.lineWidth = 1;
  ctx.strokeRect(mapX - 0.5, mapY - 0.5, mapCssW + 1, mapCssH + 1);

  text([texts.legendTitle], F_HEAD, legendX, legendTitleY, INK);
  for (const p of placed) {
    if (p.entry.mark === 'none') {
      text(p.label, F_SMALL, p.x, p.y, MUTED);
      continue;
    }
    drawMark(ctx, p.entry, p.x, p.y + (F_LABEL.line - MARK) / 2);
    text(p.label, F_LABEL, p.x + MARK + 8, p.y, INK);
    text(p.detail, F_SMALL, p.x + MARK + 8, p.y + p.label.length * F_LABEL.line, MUTED);
  }

  if (input.qr) {
    // Whole device pixels per module: a blurred module edge is what makes a scan fail.
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    drawQr(ctx, input.qr, qrX * k, qrY * k, qrW * k);
    ctx.restore();
    text(captionLines, F_SMALL, qrX + qrW / 2, qrY + qrW + 6, MUTED, 'center');
  }

  text(sourcesLines, F_SMALL, PAD, sourcesY, MUTED);
  text([texts.date], F_SMALL, PAD, dateY, INK);
  return canvas;
}

/** One legend symbol in a MARK×MARK box at (x, y), in the palette's colour (full strength). */
function drawMark(ctx: CanvasRenderingContext2D, e: LegendEntry, x: number, y: number): void {
  const r = MARK / 2;
  const cx = x + r;
  const cy = y + r;
  ctx.save();
  ctx.setLineDash([]);
  switch (e.mark) {
    case 'swatch':
    case 'dashed':
    case 'faded':
      if (e.mark === 'faded') ctx.globalAlpha = 0.5;
      ctx.fillStyle = e.colour;
      ctx.fillRect(x, y, MARK, MARK);
      ctx.globalAlpha = 1;
      if (e.border || e.mark === 'dashed') {
        ctx.strokeStyle = e.mark === 'dashed' ? '#333333' : (e.border ?? e.colour);
        ctx.lineWidth = 1.5;
        if (e.mark === 'dashed') ctx.setLineDash([3, 2]);
        ctx.strokeRect(x - 0.75, y - 0.75, MARK + 1.5, MARK + 1.5);
      }
      break;
    case 'hollow':
      ctx.strokeStyle = MUTED;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([3, 2]);
      ctx.strokeRect(x + 0.75, y + 0.75, MARK - 1.5, MARK - 1.5);
      break;
    case 'dot':
      ctx.beginPath();
      ctx.arc(cx, cy, r - 1, 0, Math.PI * 2);
      ctx.fillStyle = e.colour;
      ctx.fill();
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 1.5;
      ctx.stroke();
      break;
    case 'ring':
      ctx.beginPath();
      ctx.arc(cx, cy, r - 2, 0, Math.PI * 2);
      ctx.fillStyle = '#ffffff';
      ctx.fill();
      ctx.strokeStyle = e.colour;
      ctx.lineWidth = 3;
      ctx.stroke();
      break;
    case 'none':
      break;
  }
  ctx.restore();
}

/** Saves a canvas as a PNG file through the browser's download. */
export async function downloadCanvas(canvas: HTMLCanvasElement, fileName: string): Promise<void> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the picture could not be encoded');
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the download time to start before the address is let go.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
