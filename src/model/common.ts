import * as v from 'valibot';

// Building blocks of the file schemas. Each schema's message is the issue code its failure maps to
// (data/issues.ts reads it), so a failure says why in words the i18n templates own.

export type Bilingual = { zh: string; en: string };

export const isText = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';

export function isBilingual(x: unknown): x is Bilingual {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const o = x as Record<string, unknown>;
  return isText(o.zh) && isText(o.en);
}

/** Non-blank text. */
export const Text = v.pipe(
  v.string('json.text'),
  v.check((s: string) => s.trim() !== '', 'json.text'),
);

/** Both languages, each non-blank; one issue on the field itself, not one per language. */
export const BilingualSchema = v.pipe(
  v.custom<Bilingual>(isBilingual, 'json.bilingual'),
  v.transform((b): Bilingual => ({ zh: b.zh, en: b.en })),
);

export const FiniteNumber = v.pipe(v.number('json.number'), v.finite('json.number'));
export const NonNegative = v.pipe(FiniteNumber, v.minValue(0, 'json.nonNegative'));
export const Positive = v.pipe(FiniteNumber, v.gtValue(0, 'json.positive'));

/** [lng, lat] as finite numbers. */
export const LngLatSchema = v.pipe(
  v.custom<[number, number]>(
    (x) => Array.isArray(x) && x.length === 2 && x.every((n) => typeof n === 'number' && Number.isFinite(n)),
    'json.lngLat',
  ),
  v.transform((c): [number, number] => [c[0], c[1]]),
);

/** An id of lower-case letters, digits and hyphens. */
export const IdSchema = v.pipe(v.string('json.id'), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'json.id'));

/** A JSON object ({…}), its keys read one by one by data/ so that one bad part costs only that part. */
export const JsonObject = v.custom<Record<string, unknown>>(
  (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
  'json.object',
);
