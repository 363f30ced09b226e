import * as v from 'valibot';

// An import as saved in IndexedDB: written by this app, but possibly by an older version of it, or
// damaged. Only what the app relies on when it reads one back is checked; a record that fails is
// left out rather than crash the map.

const Record_ = v.looseObject({
  id: v.string(),
  key: v.string(),
  lngLat: v.nullable(v.tuple([v.number(), v.number()])),
});

export const SavedImportSchema = v.looseObject({
  id: v.string(),
  fileName: v.string(),
  kind: v.picklist(['enterprises', 'chargers']),
  mode: v.picklist(['join', 'replace']),
  importedAt: v.string(),
  enterprises: v.array(
    v.looseObject({ ...Record_.entries, name: v.object({ zh: v.string(), en: v.string() }) }),
  ),
  chargers: v.array(Record_),
  report: v.array(v.unknown()),
  notes: v.array(v.unknown()),
  // Saved with only the start of its report: the counts of the whole one (absent in older saves).
  reportTotals: v.optional(
    v.looseObject({
      rows: v.number(),
      errors: v.number(),
      byCode: v.array(
        v.looseObject({
          code: v.string(),
          n: v.number(),
          example: v.looseObject({
            column: v.string(),
            code: v.string(),
            params: v.record(v.string(), v.unknown()),
          }),
        }),
      ),
    }),
  ),
});

export function isSavedImport(x: unknown): boolean {
  return v.is(SavedImportSchema, x);
}
