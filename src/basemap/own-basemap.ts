import { namedFlavor, layers as protomapsLayers } from '@protomaps/basemaps';
import { del, get, set } from 'idb-keyval';
import { addProtocol, type LayerSpecification } from 'maplibre-gl';
import { type Header, PMTiles, Protocol, type RangeResponse, type Source, TileType } from 'pmtiles';
import type { Lang } from '../data/types';
import { adaptProtomapsLayers, OWN_BASEMAP_SOURCE, setOwnBasemapLayers } from '../layers/own-basemap-layer';
import { CITY_BOUNDS } from '../state/camera';
import { BASEMAP_KEY, basemapDb, type OwnBasemap, type SavedBasemap, SHIPPED_BASEMAP } from './basemap-db';

// The centre's own basemap: an OpenStreetMap vector extract as one PMTiles v3 file, kept in this
// browser (IndexedDB, through idb-keyval) or shipped with the site (VITE_BASEMAP_PMTILES), read
// with the pmtiles library and handed to maplibre through the pmtiles:// protocol. Nothing is
// fetched from the internet: the tiles come out of the Blob, or out of the site's own file.

// This module is loaded only when there is a basemap file (kept, shipped or being picked).

export type { BasemapRefusal, OwnBasemap } from './basemap-db';

import type { BasemapRefusal } from './basemap-db';

type Saved = SavedBasemap;
const db = basemapDb;
const KEY = BASEMAP_KEY;

/** Protomaps' light layers for one language, adapted to draw offline (layers/own-basemap-layer.ts). */
export function protomapsLayersFor(lang: Lang) {
  const all = protomapsLayers(OWN_BASEMAP_SOURCE, namedFlavor('light'), {
    lang: lang === 'zh' ? 'zh-Hans' : 'en',
  }) as LayerSpecification[];
  return adaptProtomapsLayers(all);
}

let layersReady = false;
/** Hands the style its basemap layers, once, before any basemap reaches the store. */
function prepareLayers() {
  if (layersReady) return;
  layersReady = true;
  setOwnBasemapLayers({ zh: protomapsLayersFor('zh'), en: protomapsLayersFor('en') });
}

/** A pmtiles Source over a Blob: the stored file is read in slices, never whole. */
export class BlobSource implements Source {
  constructor(
    private readonly blob: Blob,
    private readonly key: string,
  ) {}
  getKey() {
    return this.key;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: await this.blob.slice(offset, offset + length).arrayBuffer() };
  }
}

let protocol: Protocol | null = null;
let seq = 0;

/** The pmtiles:// protocol, added to maplibre once. */
function theProtocol(): Protocol {
  if (!protocol) {
    protocol = new Protocol();
    addProtocol('pmtiles', protocol.tile);
  }
  return protocol;
}

/** Serves a Blob's tiles under a fresh key (a new file never reuses the old one's cached tiles). */
function serveBlob(blob: Blob): string {
  prepareLayers();
  const key = `own-basemap-${++seq}`;
  theProtocol().add(new PMTiles(new BlobSource(blob, key)));
  return `pmtiles://${key}`;
}

const PMTILES_MAGIC = [0x50, 0x4d, 0x54, 0x69, 0x6c, 0x65, 0x73]; // "PMTiles"

/** Does the archive's box meet Huaibei's? */
export function coversHuaibei(h: Pick<Header, 'minLon' | 'minLat' | 'maxLon' | 'maxLat'>): boolean {
  const [[w, s], [e, n]] = CITY_BOUNDS;
  return h.minLon <= e && h.maxLon >= w && h.minLat <= n && h.maxLat >= s;
}

/**
 * Reads what a file says it is, without keeping it: an empty file, one that is not a PMTiles v3
 * archive, one of raster tiles, or one for another region is refused, and so is one larger than
 * the browser says it can still keep. Returns the refusal, or null: the file can be kept.
 */
export async function checkBasemapFile(
  blob: Blob,
  estimate: () => Promise<{ quota?: number; usage?: number }> = () =>
    navigator.storage?.estimate?.() ?? Promise.resolve({}),
): Promise<BasemapRefusal | null> {
  if (blob.size === 0) return 'empty';
  const head = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
  if (!PMTILES_MAGIC.every((b, i) => head[i] === b) || head[7] !== 3) return 'notPmtiles';
  let header: Header;
  try {
    header = await new PMTiles(new BlobSource(blob, 'check')).getHeader();
  } catch {
    return 'notPmtiles';
  }
  if (header.tileType !== TileType.Mvt) return 'notVector';
  if (!coversHuaibei(header)) return 'elsewhere';
  const { quota, usage } = await estimate().catch(() => ({}) as { quota?: number; usage?: number });
  if (quota !== undefined && blob.size > quota - (usage ?? 0)) return 'tooLarge';
  return null;
}

/** Checks a file and keeps it in this browser: the basemap to draw, or why not (nothing changed then). */
export async function keepBasemapFile(
  file: File,
): Promise<{ ok: true; basemap: OwnBasemap } | { ok: false; reason: BasemapRefusal; detail?: string }> {
  const reason = await checkBasemapFile(file);
  if (reason) return { ok: false, reason };
  const saved: Saved = { name: file.name, size: file.size, savedAt: new Date().toISOString(), blob: file };
  try {
    await set(KEY, saved, db());
  } catch (e) {
    // A quota the estimate did not foresee: the same sentence as too large, with the browser's words.
    return { ok: false, reason: 'tooLarge', detail: e instanceof Error ? e.message : String(e) };
  }
  // Served from the stored copy, as after a reload.
  const back = await get<Saved>(KEY, db());
  return {
    ok: true,
    basemap: { url: serveBlob(back?.blob ?? file), name: file.name, size: file.size, shipped: false },
  };
}

/** Forgets the kept file. */
export async function removeBasemapFile(): Promise<void> {
  await del(KEY, db());
}

/** At start: the file kept in this browser, else the one shipped with the site, else none. */
export async function readBasemap(): Promise<OwnBasemap | null> {
  try {
    const saved = await get<Saved>(KEY, db());
    if (saved?.blob instanceof Blob && saved.blob.size > 0)
      return { url: serveBlob(saved.blob), name: saved.name, size: saved.size, shipped: false };
  } catch {
    // No IndexedDB (a private window): the shipped file, if any.
  }
  return shippedBasemap();
}

/** The file shipped with the site (VITE_BASEMAP_PMTILES), read in ranges from the site itself. */
export function shippedBasemap(): OwnBasemap | null {
  if (!SHIPPED_BASEMAP) return null;
  prepareLayers();
  const url = new URL(SHIPPED_BASEMAP, document.baseURI).href;
  theProtocol().add(new PMTiles(url));
  return { url: `pmtiles://${url}`, name: '', size: 0, shipped: true };
}
