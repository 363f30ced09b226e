import { enApp } from './en-app';
import { enBriefing } from './en-briefing';
import { enCards } from './en-cards';
import { enChain } from './en-chain';
import { enCharging } from './en-charging';
import { enGeo } from './en-geo';
import { enGoals } from './en-goals';
import { enHandout } from './en-handout';
import { enImport } from './en-import';
import { enIssues } from './en-issues';
import { enLedger } from './en-ledger';
import { enMap } from './en-map';
import { enMatch } from './en-match';
import { enMeasure } from './en-measure';
import { enReport } from './en-report';
import { enShare } from './en-share';
import { enStorage } from './en-storage';
import { enTour } from './en-tour';
import type { MessageKey } from './zh';

// Typed against the Chinese keys: a missing or extra key fails the typecheck.
export const en: Record<MessageKey, string> = {
  ...enApp,
  ...enMap,
  ...enCards,
  ...enChain,
  ...enCharging,
  ...enGoals,
  ...enImport,
  ...enShare,
  ...enHandout,
  ...enTour,
  ...enBriefing,
  ...enMatch,
  ...enMeasure,
  ...enLedger,
  ...enReport,
  ...enIssues,
  ...enGeo,
  ...enStorage,
};
