import type { zhShare } from './zh-share';

// English for sharing: link, QR code, PNG and handout, typed against the Chinese keys.
export const enShare: Record<keyof typeof zhShare, string> = {
  'share.title': 'Share this view',
  'share.link': 'Link',
  'share.copy': 'Copy link',
  'share.copied': 'Copied.',
  'share.copyFailed': 'The clipboard is not available: select the link above and copy it.',
  'share.importsNote':
    'Note: this view includes {n} dataset(s) imported on this device. A link cannot carry imported data: whoever opens it sees the bundled data only.',
  'share.enteredNote':
    'Note: {n} value (a goal’s current value or an NEV count) was entered on this device. A link cannot carry it: whoever opens the link sees the app’s own data only.|Note: {n} values (goals’ current values or NEV counts) were entered on this device. A link cannot carry them: whoever opens the link sees the app’s own data only.',
  'share.qrAlt': 'QR code of the link to this view',
  'share.qrThisComputer':
    'This link points at this computer (localhost / 127.0.0.1): a phone cannot open it. Open the page by its network or public address, then share.',
  'share.qrFile':
    'This page was opened as a local file: a phone cannot open the link. Open it by a web address, then share.',
  'share.qrTooLong':
    'The link is too long for a QR code anyone could scan, so none is shown. Copy the link instead.',
  'share.qrCaption': 'Scan with a phone to open the same view',
  'share.exportImage': 'Export map image (PNG)',
  'share.exporting': 'Making the map image…',
  'share.exported': 'Saved {file}',
  'share.exportFailed': 'Could not make the map image; please try again.',
  'share.noMap': 'The map is not ready yet; please try again in a moment.',
  'share.handout': 'Print handout',
  'share.handoutCurrent': 'This view (1 map page)',
  'share.handoutTour': 'All tour steps ({n} map page)|All tour steps ({n} map pages)',
  'share.handoutPrint': 'Print handout',
  'share.handoutTargets':
    'The handout ends with the target list ({filter}; {n} segment). Filter it in the Targets panel.|The handout ends with the target list ({filter}; {n} segments). Filter it in the Targets panel.',
  'share.handoutPreparing': 'Preparing the handout: page {i} of {n}…',
  'share.handoutReady': 'The handout is ready; opening print.',
  'share.handoutFailed': 'The handout could not be prepared; the view is back as it was.',
  'share.wholeCity': "The whole city's industry layout",
  'share.layersShown': 'Layers: {list}',
  'share.date': 'Date',
  'share.sources': 'Sources',
  'share.scan': 'Scan to open this view',
  'share.mapAlt': 'Map: {title}',
  'share.stepOf': 'Tour step {i} of {n}',
};
