import type { Confidence } from '../data/types';
import { joinList } from '../i18n/join-list';
import { type MessageKey, t } from '../i18n/t';
import {
  FIELDS,
  type ImportKind,
  requiredFields,
  suggestMapping,
  type TargetField,
  unmappedColumns,
} from '../import/columns';
import { ENCODINGS, type Encoding } from '../import/encoding';
import {
  CRS_LIST,
  type Crs,
  crsLabel,
  DELIMITERS,
  type ImportOptions,
  previewPoints,
  type Sniffed,
  type SniffOverrides,
  statedCrs,
} from '../import/pipeline';
import { CONFIDENCES } from '../model';
import { useAppStore } from '../state/store';
import { DuplicateCheck } from './import-duplicates';

const DELIMITER_LABEL: Record<string, MessageKey> = {
  ',': 'import.delimiter.comma',
  ';': 'import.delimiter.semicolon',
  '\t': 'import.delimiter.tab',
  '|': 'import.delimiter.bar',
};

/** The mapping step: what was detected, the settings the user may correct, and a preview. */
export function MappingStep({
  file,
  sniffed,
  options,
  onChange,
  onReread,
  onImport,
  onCancel,
}: {
  /** The file itself, for the duplicate check (issue 14); absent: no check. */
  file?: File;
  sniffed: Sniffed;
  options: ImportOptions;
  onChange: (o: ImportOptions) => void;
  onReread: (o: SniffOverrides) => void;
  onImport: () => void;
  onCancel: () => void;
}) {
  const lang = useAppStore((s) => s.lang);
  const set = (p: Partial<ImportOptions>) => onChange({ ...options, ...p });
  const fields = FIELDS[options.kind];
  const missing = requiredFields(options.kind).filter((f) => options.mapping[f] === undefined);
  const crsColumn = options.crsColumn ?? null;
  const pts = previewPoints(
    sniffed,
    options.mapping,
    options.lonLatColumn,
    options.crs,
    options.swapLonLat,
    crsColumn,
  );
  const columnLabel = (i: number) => sniffed.header[i] || t(lang, 'import.unnamedColumn', { n: i + 1 });
  const unread = unmappedColumns(
    sniffed.header,
    options.kind,
    options.mapping,
    options.lonLatColumn,
    crsColumn,
  );
  const setField = (f: TargetField, v: string) => {
    const mapping = { ...options.mapping };
    if (v === '') delete mapping[f];
    else mapping[f] = Number(v);
    set({ mapping });
  };
  return (
    <form
      className="mapping"
      onSubmit={(e) => {
        e.preventDefault();
        if (missing.length === 0) onImport();
      }}
    >
      <div className="mapping-grid">
        <label>
          <span>{t(lang, 'import.kind')}</span>
          <select
            data-testid="import-kind"
            value={options.kind}
            onChange={(e) => {
              const kind = e.target.value as ImportKind;
              set({ kind, mapping: suggestMapping(sniffed.header, kind) });
            }}
          >
            <option value="enterprises">{t(lang, 'import.kind.enterprises')}</option>
            <option value="chargers">{t(lang, 'import.kind.chargers')}</option>
          </select>
        </label>
        <label>
          <span>{t(lang, 'import.encoding')}</span>
          <select
            data-testid="import-encoding"
            value={options.encoding}
            onChange={(e) => onReread({ encoding: e.target.value as Encoding, delimiter: options.delimiter })}
          >
            {ENCODINGS.map((enc) => (
              <option key={enc} value={enc}>
                {t(lang, `import.encoding.${enc}`)}
                {enc === sniffed.encoding && sniffed.bom ? ' + BOM' : ''}
              </option>
            ))}
          </select>
        </label>
        {sniffed.format === 'csv' ? (
          <label>
            <span>{t(lang, 'import.delimiter')}</span>
            <select
              data-testid="import-delimiter"
              value={options.delimiter}
              onChange={(e) => onReread({ encoding: options.encoding, delimiter: e.target.value })}
            >
              {DELIMITERS.map((d) => (
                <option key={d} value={d}>
                  {DELIMITER_LABEL[d] ? t(lang, DELIMITER_LABEL[d]) : d}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          <span>{t(lang, 'import.crs')}</span>
          <select
            data-testid="import-crs"
            value={options.crs}
            onChange={(e) => set({ crs: e.target.value as Crs })}
          >
            {CRS_LIST.map((c) => (
              <option key={c} value={c}>
                {t(lang, `import.crs.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="opt">
          <input
            type="checkbox"
            data-testid="import-swap"
            checked={options.swapLonLat}
            onChange={(e) => set({ swapLonLat: e.target.checked })}
          />
          <span>{t(lang, 'import.swap')}</span>
        </label>
        <fieldset className="mode">
          <legend>{t(lang, 'import.mode')}</legend>
          {(['join', 'replace'] as const).map((m) => (
            <label key={m} className="opt">
              <input
                type="radio"
                name="import-mode"
                value={m}
                data-testid={`import-mode-${m}`}
                checked={options.mode === m}
                onChange={() => set({ mode: m })}
              />
              <span>{t(lang, `import.mode.${m}`)}</span>
            </label>
          ))}
        </fieldset>
        {options.kind === 'enterprises' && options.mapping.confidence === undefined ? (
          <label>
            <span>{t(lang, 'import.defaultConfidence')}</span>
            <select
              value={options.confidence}
              onChange={(e) => set({ confidence: e.target.value as Confidence })}
            >
              {CONFIDENCES.map((c) => (
                <option key={c} value={c}>
                  {t(lang, `conf.${c}`)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <div className="detect-notes" data-testid="import-detected">
        {sniffed.replaced > 0 ? (
          <p className="notice warn">{t(lang, 'import.replaced', { n: sniffed.replaced })}</p>
        ) : null}
        {crsColumn !== null ? (
          <CrsColumnNote sniffed={sniffed} column={crsColumn} chosen={options.crs} />
        ) : sniffed.crsReason ? (
          <p className="small">{t(lang, 'import.crsFromHeader', { header: sniffed.crsReason })}</p>
        ) : (
          <p className="small muted">{t(lang, 'import.crsHint')}</p>
        )}
        {sniffed.swapLonLat ? <p className="notice warn">{t(lang, 'import.swapDetected')}</p> : null}
        {pts.total > 0 ? (
          <p className={`small ${pts.inside < pts.total ? 'notice warn' : ''}`} data-testid="import-points">
            {t(lang, 'import.pointsInside', {
              inside: pts.inside,
              total: pts.total,
              shift: pts.meanShiftM === null ? 0 : Math.round(pts.meanShiftM),
            })}
          </p>
        ) : null}
      </div>
      <h3 className="mapping-head">{t(lang, 'import.columns')}</h3>
      <div className="mapping-fields">
        {fields.map((f) => (
          <label key={f} className={missing.includes(f) ? 'missing' : ''}>
            <span>
              {t(lang, `field.${f}`)}
              {requiredFields(options.kind).includes(f) ? ' *' : ''}
            </span>
            <select
              data-field={f}
              value={options.mapping[f] === undefined ? '' : String(options.mapping[f])}
              onChange={(e) => setField(f, e.target.value)}
            >
              <option value="">{t(lang, 'import.notMapped')}</option>
              {sniffed.header.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by position; names may repeat
                <option key={i} value={i}>
                  {h || t(lang, 'import.unnamedColumn', { n: i + 1 })}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {unread.length > 0 ? (
        <p className="small notice warn" data-testid="import-unmapped">
          {t(lang, 'import.unmapped', {
            columns: joinList(
              lang,
              unread.map((i) => `“${columnLabel(i)}”`),
            ),
          })}
        </p>
      ) : null}
      <h3 className="mapping-head">{t(lang, 'import.preview')}</h3>
      <div className="report-scroll preview-scroll">
        <table className="report-table preview-table" data-testid="import-preview">
          <thead>
            <tr>
              {sniffed.header.slice(0, 30).map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns by position
                <th key={i}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sniffed.preview.slice(0, 5).map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: preview rows by position
              <tr key={i}>
                {r.slice(0, 30).map((c, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells by position
                  <td key={j}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {file && missing.length === 0 ? (
        <DuplicateCheck
          file={file}
          options={options}
          onChange={(duplicates) => set({ duplicates })}
          lang={lang}
        />
      ) : null}
      {missing.length ? (
        <p className="notice error" role="alert">
          {t(lang, 'import.needName')}
        </p>
      ) : null}
      <footer className="modal-foot">
        <button type="button" className="secondary-btn" data-testid="mapping-cancel" onClick={onCancel}>
          {t(lang, 'import.cancel')}
        </button>
        <button type="submit" className="primary-btn" data-testid="import-go" disabled={missing.length > 0}>
          {t(lang, 'import.go')}
        </button>
      </footer>
    </form>
  );
}

/** What the file's 坐标系 column says in the preview, and whether it differs from the system chosen. */
function CrsColumnNote({ sniffed, column, chosen }: { sniffed: Sniffed; column: number; chosen: Crs }) {
  const lang = useAppStore((s) => s.lang);
  const { counts, unknown } = statedCrs(sniffed.preview, column);
  const name = sniffed.header[column] ?? '';
  const parts = CRS_LIST.filter((c) => counts[c] > 0).map((c) =>
    t(lang, 'import.crsColumnCount', { crs: crsLabel(c), n: counts[c] }),
  );
  if (unknown > 0) parts.push(t(lang, 'import.crsColumnUnknown', { n: unknown }));
  const others = CRS_LIST.filter((c) => counts[c] > 0 && c !== chosen);
  return (
    <>
      <p className="small" data-testid="import-crs-column">
        {t(lang, 'import.crsColumn', { column: name, counts: joinList(lang, parts) })}
      </p>
      {others.length > 0 ? (
        <p className="notice warn" data-testid="import-crs-mismatch">
          {t(lang, 'import.crsMismatch', {
            column: name,
            stated: joinList(lang, others.map(crsLabel)),
            chosen: crsLabel(chosen),
          })}
        </p>
      ) : null}
    </>
  );
}
