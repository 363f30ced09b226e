/**
 * The model: the app's vocabulary and the shape of every file it reads, as valibot schemas with the
 * TypeScript types derived from them (v.InferOutput). Pure: imports nothing from the rest of src/.
 *
 * valibot rather than zod for bundle size: its functions tree-shake, so each schema costs about
 * 1 kB against zod's ~13 kB core, and safeParse returns every issue with its path instead of throwing
 * (data/ keeps "collect every issue, never throw").
 */
export * from './common';
export * from './dates';
export * from './entered';
export * from './enums';
export * from './files';
export * from './geo';
export * from './geojson';
export * from './goals';
export * from './saved-import';
export * from './tour';
export * from './view';
