/**
 * Whether a phone that scans the link can open it: a page served from this computer only
 * (localhost, 127.0.0.1, ::1) or opened as a file cannot be reached from another device.
 */
export function phoneReach(url: string): 'ok' | 'thisComputer' | 'file' {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'ok';
  }
  if (u.protocol === 'file:') return 'file';
  const host = u.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1' || host === '0.0.0.0')
    return 'thisComputer';
  if (/^127\.\d+\.\d+\.\d+$/.test(host)) return 'thisComputer';
  return 'ok';
}
