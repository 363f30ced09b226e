import { describe, expect, it } from 'vitest';
import type { AreaId } from '../../src/data/types';
import { type SubjectInput, subjectOf } from '../../src/domain/subject';
import { enterprise } from '../fixtures/records';

const HITECH_BOX: [[number, number], [number, number]] = [
  [116.8, 33.9],
  [116.9, 34.0],
];

function input(over: Partial<SubjectInput> = {}): SubjectInput {
  const enterprises = [
    enterprise({ id: 'a', key: 'a' }),
    enterprise({ id: 'b', key: 'b' }),
    enterprise({ id: 'c', key: 'c' }),
  ];
  return {
    enterprises,
    placements: [
      { position: [116.7, 33.8], approximate: false },
      { position: [116.75, 33.95], approximate: true },
      { position: null, approximate: true },
    ],
    chargers: [],
    segmentFirmKeys: (id) => (id === 'wheel' ? ['a', 'b', 'c'] : id === 'lonely' ? ['c'] : []),
    segmentAreas: (id) => (id === 'lonely' || id === 'empty' ? ['hitech'] : []),
    areaBox: (ids: readonly AreaId[]) => (ids.includes('hitech') ? HITECH_BOX : null),
    ...over,
  };
}

describe('what the camera must show for a selection', () => {
  it('shows a firm at the point it is drawn, and nothing for a firm with no place', () => {
    expect(subjectOf(input(), { kind: 'enterprise', id: 'b' })).toEqual({
      box: [
        [116.75, 33.95],
        [116.75, 33.95],
      ],
      point: true,
    });
    expect(subjectOf(input(), { kind: 'enterprise', id: 'c' })).toBeNull();
    expect(subjectOf(input(), { kind: 'enterprise', id: 'nobody' })).toBeNull();
  });

  it('shows a segment by the firms drawn, else by the areas the plan gives it', () => {
    expect(subjectOf(input(), { kind: 'segment', id: 'wheel' })).toEqual({
      box: [
        [116.7, 33.8],
        [116.75, 33.95],
      ],
      point: false,
    });
    // Its one firm has no place: the plan's area is the subject.
    expect(subjectOf(input(), { kind: 'segment', id: 'lonely' })).toEqual({ box: HITECH_BOX, point: false });
    expect(subjectOf(input(), { kind: 'segment', id: 'none' })).toBeNull();
  });

  it('shows an area by its outline and a site by its point', () => {
    expect(subjectOf(input(), { kind: 'area', id: 'hitech' })?.box).toEqual(HITECH_BOX);
    expect(subjectOf(input(), { kind: 'area', id: 'duji' })).toBeNull();
    const site = { id: 's1', lngLat: [116.8, 33.95] as [number, number] };
    const withSite = input({ chargers: [site as never] });
    expect(subjectOf(withSite, { kind: 'charger', id: 's1' })?.point).toBe(true);
  });
});
