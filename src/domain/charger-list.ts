import type { FeatureCollection } from 'geojson';
import type { Charger } from '../data/chargers';
import type { AreaPolygon } from '../data/types';
import { pointLocator } from './locate';

/** One district's sites in the list of charging sites; `district` null: neither the file nor the map places it. */
export interface ChargerGroup {
  district: string | null;
  sites: Charger[];
}

/**
 * Every charging site grouped by district, for the list that stands in for the map: by the
 * district the file names, else the one its point lies in, else in a last group of its own.
 * Districts in the data's order, empty ones left out; sites by name within a district.
 */
export function chargerGroups(
  chargers: readonly Charger[],
  districts: FeatureCollection<AreaPolygon, { adcode: string }>,
): ChargerGroup[] {
  const codes = districts.features.map((f) => f.properties.adcode);
  const known = new Set(codes);
  const districtAt = pointLocator(districts.features);
  const groups = new Map<string | null, Charger[]>();
  for (const c of chargers) {
    const named = c.district && known.has(c.district) ? c.district : null;
    const located = named ?? (c.lngLat ? (districtAt(c.lngLat)?.properties.adcode ?? null) : null);
    groups.set(located, [...(groups.get(located) ?? []), c]);
  }
  return [...codes, null].flatMap((district) => {
    const sites = groups.get(district);
    return sites?.length
      ? [
          {
            district,
            sites: [...sites].sort(
              (a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.key.localeCompare(b.key),
            ),
          },
        ]
      : [];
  });
}
