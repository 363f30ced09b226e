// Colours of issue 13's context layers: one per thing, the same on map and legend. Muted, so the
// plan's areas and the firms stay in front; the schematic expressways are the one strong line.
export const GEO_COLOURS = {
  expressway: '#c0392b',
  railway: '#4a4f57',
  road: '#b9a27a',
  builtUp: '#d9d3c7',
  station: '#1d3557',
  city: '#3b3f45',
  airport: '#6a4c93',
} as const;
