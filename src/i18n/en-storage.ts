import type { zhStorage } from './zh-storage';

// English for what the browser's storage did, typed against the Chinese keys.
export const enStorage: Record<keyof typeof zhStorage, string> = {
  'storage.why.timeout': 'This browser’s storage is not answering.',
  'storage.why.unavailable':
    'This browser does not let this site keep data on this device (private browsing, or storage switched off).',
  'storage.why.full': 'This browser’s storage is full.',
  'storage.why.failed': 'This browser’s storage failed.',
  'storage.imports.read':
    'Imports saved here earlier cannot be shown for now, so the map shows the bundled data; data imported now may be gone after a reload.',
  'storage.imports.save': 'This import could not be kept on this device: it will be gone after a reload.',
  'storage.imports.remove':
    'This import could not be removed from this device: it may come back after a reload.',
  'storage.entered.read':
    'Values entered here earlier cannot be shown for now; values entered now may be gone after a reload.',
  'storage.entered.save': 'These values could not be kept on this device: they will be gone after a reload.',
  'storage.entered.remove':
    'This value could not be removed from this device: it may come back after a reload.',
  'storage.briefings.read':
    'Briefings kept here earlier cannot be shown for now; changes made now may be gone after a reload.',
  'storage.briefings.save':
    'The briefing could not be kept on this device: these changes will be gone after a reload.',
  'storage.briefings.remove':
    'This briefing could not be removed from this device: it may come back after a reload.',
  'storage.detail': 'The browser said: {detail}',
  'storage.reading': 'Reading the imports saved on this device…',
  'storage.report.saving':
    'Saving on this device… If you reload the page before it finishes, this import will be lost.',
  'storage.report.cut':
    'Only the first {kept} lines of this report were kept on this device; {n} more line was not (the full report can be downloaded only right after the import). All {total} lines by reason:|Only the first {kept} lines of this report were kept on this device; {n} more lines were not (the full report can be downloaded only right after the import). All {total} lines by reason:',
  'storage.report.reason': 'Reason (its first line as the example)',
  'storage.report.count': 'Lines',
  'storage.report.downloadKept': 'Download the {n} kept line|Download the {n} kept lines',
};
