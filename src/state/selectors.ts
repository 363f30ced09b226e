import type { BundledData } from '../data/load-bundled';
import type { DataIssue } from '../data/types';
import { type AreaShapes, buildAreaShapes } from '../domain/area-shapes';

// Derived data is memoised on the identity of its input, never stored: the same data object
// yields the same shapes object, so the map's style diff sees nothing new.
let lastData: BundledData | null = null;
let lastShapes: AreaShapes | null = null;

export function selectAreaShapes(data: BundledData): AreaShapes {
  if (data !== lastData || !lastShapes) {
    lastShapes = buildAreaShapes(data.areas.areas, data.districts.features);
    lastData = data;
  }
  return lastShapes;
}

export function selectAllIssues(data: BundledData | null): DataIssue[] {
  if (!data) return [];
  return [...data.issues, ...selectAreaShapes(data).issues];
}
