import type { zhIssues } from './zh-issues';

export const enIssues: Record<keyof typeof zhIssues, string> = {
  // ── data files: JSON and GeoJSON ───────────────────────────────────────────
  // ── rows: CSV files and imports ────────────────────────────────────────────
  'row.fileEmpty': 'the file is empty',
  'row.csvError': 'CSV error: {message}',
  'row.missingColumn': 'missing column "{column}"',
  'row.markup': 'contains HTML-like markup; shown as plain text',
  'row.badId': 'missing or invalid id ("{id}"); the line number is used',
  'row.duplicateId': 'duplicate id {id}; this row is kept and counted',
  'row.pointIncomplete': 'longitude/latitude incomplete or not a number ({lon}, {lat})',
  'row.pointOutside': 'point ({lon}, {lat}) is outside Huaibei',
  'row.pointOutsideSwapped': 'point ({lon}, {lat}) is outside Huaibei; longitude and latitude may be swapped',
  'row.noNameZh': 'missing Chinese name',
  'row.unknownArea': 'unknown area "{area}"; treated as unknown',
  'row.unknownSegment': 'unknown chain segment "{segment}"',
  'row.badPrecision': 'invalid location precision "{precision}"',
  'row.exactWithoutPoint': 'marked exact but has no valid point',
  'row.badConfidence': 'invalid confidence "{confidence}"; treated as low',
  'row.noSource': 'no source given',
  'row.noName': 'missing name',
  'row.unknownKind': 'unknown site kind "{kind}"; treated as unknown',
  'row.noConnectors': 'no connector count given',
  'row.badConnectors': 'connector count "{connectors}" is not a non-negative integer; treated as unknown',
  'row.badPower': 'power "{power}" is not a positive number; treated as unknown',
  'row.noPoint': 'no point; counted by its district only',
  'row.unknownDistrict': 'unknown district code "{district}"',
  'row.unknownTownship': 'unknown township code "{township}"',
  'row.townshipOutsideDistrict': 'township {township} is not in district {district}',
  'row.unknownStatus': 'unknown status "{status}"; treated as unknown (not counted as operating)',
  'row.noCommissioned': 'no commissioning date',
  'row.badCommissioned': 'invalid commissioning date "{date}" (expected YYYY-MM-DD)',
  'row.futureCommissioned':
    'commissioning date {date} is after today ({today}) but the status is not planned',
  'row.badIllustrative': 'illustrative must be true or false ("{value}"); treated as illustrative',
  'row.unknownDistrictUnused': 'unknown district code "{district}"; row not used',
  'row.repeatedDistrict': 'district {district} repeated; the first row is used',
  'row.badNevCount': 'NEV count "{count}" is not a non-negative integer; treated as not provided',
  'row.badAsOf': 'invalid as-of date "{date}" (expected YYYY-MM-DD)',
  'row.countWithoutSource': 'a count is given without a source',
  'import.row.ragged': 'this row has {cells} cells; the header has {columns} columns',
  'import.row.noNameRejected': 'missing name; row not imported',
  'import.row.noPlaceRejected':
    'no point and no district: the site can be neither counted nor drawn; row not imported',
  'import.row.areaFromPoint': 'no area given; assigned to the district its point lies in',
  'import.row.notPoint': 'geometry is not a point; no coordinates used',
  'import.row.outsideConverted':
    'point ({lon}, {lat}) is outside Huaibei (the file has {typed} in {crs}; the values above are converted to WGS84)',
  'import.row.outsideSwappedConverted':
    'point ({lon}, {lat}) is outside Huaibei; longitude and latitude may be swapped (the file has {typed} in {crs}; the values above are converted to WGS84)',
  'import.row.saved': '{text}',
  'import.note.manyOutside':
    '{outside} of {total} points fall outside Huaibei: check the coordinate system (AMap is GCJ-02, Baidu BD-09) and whether the longitude and latitude columns are swapped',
  'import.note.nothingImported': 'every row has a problem; nothing was imported',
  'import.fail.tooBig': 'the file is {size} MB, over the {limit} MB limit. Split it into smaller files',
  'import.fail.tooManyColumns':
    'the file has {n} columns, over the limit of {limit}: it does not look like a roster or a charger list. Check the delimiter or remove columns',
  'import.fail.noContent': 'the file has no content',
  'import.fail.noHeader': 'the file has no header row',
  'import.fail.badJson': 'not valid JSON: {message}',
  'import.fail.notFeatureCollection': 'not a GeoJSON FeatureCollection',
  'import.fail.noNameColumn': 'no column chosen for "{fields}": choose the column that holds the name',
  'import.fail.xlsx':
    'this is an Excel (.xlsx) or other zip file, not CSV. Save it as "CSV UTF-8" in Excel, then import that',
  'import.fail.xls': 'this is an old Excel (.xls) file, not CSV. Save it as CSV, then import that',
  'import.fail.pdf': 'this is a PDF, not a table',
  'import.fail.png': 'this is a PNG image, not a table',
  'import.fail.jpeg': 'this is a JPEG image, not a table',
  'import.fail.nulBytes':
    'the file contains NUL bytes: it is not a text table (an image, archive or Excel file?)',
  'import.fail.controlChars': 'the file is full of control characters: it is not a text table',
  'import.fail.readError': 'error while reading the file: {message}',
  'import.fail.unexpectedReply': 'unexpected reply from the importer',
  'import.fail.worker': 'the importer failed: {message}',
  'import.fail.noData': 'the map data has not finished loading; try the import again in a moment',
  'import.fail.other': 'import failed: {message}',
  // ── end ──
};
