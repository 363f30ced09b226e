import { createStore, get } from 'idb-keyval';

// The small half of the own basemap, loaded with the app: where the file is kept and whether there
// is one. The rest (pmtiles, the Protomaps layers) is loaded only when there is a file.

/** Build-time option: a PMTiles file in public/ shipped with the site ('' for none), e.g. basemap/huaibei.pmtiles. */
export const SHIPPED_BASEMAP: string = import.meta.env?.VITE_BASEMAP_PMTILES ?? '';

/** The basemap the map draws: where its tiles come from, and what the layer panel says about it. */
export interface OwnBasemap {
  /** The style source's url: pmtiles://<key>. */
  url: string;
  /** The file's name as picked ('' for a shipped file). */
  name: string;
  size: number;
  /** Shipped with the site (cannot be removed here), or kept in this browser. */
  shipped: boolean;
}

/** Why a file was not taken: each has its sentence in zh and en (basemap.error.*). */
export type BasemapRefusal = 'empty' | 'notPmtiles' | 'notVector' | 'elsewhere' | 'tooLarge' | 'storage';

export interface SavedBasemap {
  name: string;
  size: number;
  savedAt: string;
  blob: Blob;
}

// Its own database: idb-keyval keeps one object store per database.
export const basemapDb = () => createStore('huaibei-nev-basemap', 'files');
export const BASEMAP_KEY = 'own';

/** Is there a file kept in this browser, or one shipped with the site? (No IndexedDB: only the shipped one.) */
export async function hasBasemap(): Promise<boolean> {
  if (SHIPPED_BASEMAP) return true;
  try {
    return (await get(BASEMAP_KEY, basemapDb())) !== undefined;
  } catch {
    return false;
  }
}
