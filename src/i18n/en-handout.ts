import type { zhHandout } from './zh-handout';

// English for the printed handout's own words and the charging panel's list of sites, typed against the Chinese keys.
export const enHandout: Record<keyof typeof zhHandout, string> = {
  'handout.progress': 'Preparing the handout: page {i} of {n}',
  'handout.progressOne': 'Preparing the handout…',
  'handout.cancel': 'Cancel',
  'handout.cancelLabel': 'Cancel preparing the handout',
  'handout.about': 'About this view',
  'chglist.title': 'List of charging sites',
  'chglist.intro': 'Every site, by district. Choose one to show it on the map.',
  'chglist.illustrativeNote': 'Illustrative site',
  'chglist.group': '{area} · {n} site|{area} · {n} sites',
  'chglist.noDistrict': 'District unknown',
  'chglist.item': '{kind} · {status}',
} as const;
