import type { zhGeo } from './zh-geo';

// English for issue 13's geography: the transport layer, neighbouring cities and the cards' distances.
export const enGeo: Record<keyof typeof zhGeo, string> = {
  'layer.cities': 'Nearby cities & airports (straight-line)',
  'legend.railway': 'Railway (Natural Earth, schematic)',
  'legend.road': 'Main road (Natural Earth, schematic)',
  'legend.builtUp': 'Built-up area (Natural Earth, schematic)',
  'legend.station': 'Railway station (OpenStreetMap)',
  'legend.expressway.G3': 'G3 Beijing–Taipei: schematic, straight lines between OSM junctions',
  'legend.expressway.G1516': 'G1516 Yancheng–Luoyang: schematic, straight lines between OSM junctions',
  'legend.expressway.G30': 'G30 Lianyungang–Khorgas: schematic, from Natural Earth (about 1 km out)',
  'legend.expressway.G0321': 'G0321 Dezhou–Shangrao: Yueji interchange only; no usable line data yet',
  'legend.city': 'Nearby city centre (Natural Earth), with its straight-line distance from Huaibei',
  'legend.airport': 'Airport (OurAirports), with its straight-line distance',
  'geo.cityLabel': '{name}\n{km} km straight-line',
  'attr.naturalEarth':
    'Schematic transport and nearby cities: Natural Earth (public domain); airports: OurAirports (public domain)',
  'reach.title': 'Location (straight-line)',
  'reach.straight': 'straight-line',
  'reach.junction': 'Nearest motorway junction',
  'reach.station': 'Nearest railway station',
  'reach.xuzhou': 'Xuzhou city centre',
  'reach.airports': 'Nearest airports',
  'reach.km': '{km} km',
  'reach.inside': 'inside the area',
  'reach.fromOutline': 'Measured in a straight line from the area’s boundary, not by road.',
  'reach.fromFootprint':
    'Measured in a straight line from the park’s approximate footprint, not by road. The park’s position is approximate, so these distances are too.',
  'reach.showXuzhou': 'Show Huaibei and Xuzhou on the map',
};
