// The hexagon density's aggregation code: loaded only when the charging layer is first shown.
export { HexagonLayer } from '@deck.gl/aggregation-layers';
