// Its own file, free of the store, so any panel (cards, goals) can show a source.
const URL_RE = /(https?:\/\/[^\s;，；、）)]+)/g;

/**
 * Source text with its web addresses as links. Everything else stays plain text: React escapes
 * it, so markup in a data file is shown, never run.
 */
export function SourceText({ text }: { text: string }) {
  const parts = text.split(URL_RE);
  return (
    <span className="source-text">
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one string, in order
          <a key={i} href={p} target="_blank" rel="noopener noreferrer" className="source-link">
            {p}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one string, in order
          <span key={i}>{p}</span>
        ),
      )}
    </span>
  );
}
