import type { ComponentPropsWithRef } from 'react';

/** A top-bar button: an icon (one SVG path) and its label; `active` marks an open panel or mode. */
export function TopButton({
  icon,
  label,
  active = false,
  className = '',
  ...rest
}: { icon: string; label: string; active?: boolean } & ComponentPropsWithRef<'button'>) {
  return (
    <button type="button" className={`top-btn ${active ? 'active' : ''} ${className}`.trim()} {...rest}>
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path d={icon} />
      </svg>
      <span>{label}</span>
    </button>
  );
}
