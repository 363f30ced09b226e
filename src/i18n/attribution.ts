import type { Lang } from '../data/types';
import { t } from './t';

/** Sources and licences of what the default, offline map draws (online layers add their own). */
export function attributionFor(lang: Lang): string[] {
  return [
    t(lang, 'attr.boundaries'),
    t(lang, 'attr.townships'),
    t(lang, 'attr.osm'),
    t(lang, 'attr.naturalEarth'),
    t(lang, 'attr.plan'),
  ];
}
