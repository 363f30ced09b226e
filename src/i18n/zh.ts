// Chinese is the source language: its keys define the dictionary, and en.ts must match them.
// One file per feature, the same split in both languages; the issue templates (zh-issues.ts) too.
import { zhApp } from './zh-app';
import { zhBriefing } from './zh-briefing';
import { zhCards } from './zh-cards';
import { zhChain } from './zh-chain';
import { zhCharging } from './zh-charging';
import { zhGeo } from './zh-geo';
import { zhGoals } from './zh-goals';
import { zhHandout } from './zh-handout';
import { zhImport } from './zh-import';
import { zhIssues } from './zh-issues';
import { zhLedger } from './zh-ledger';
import { zhMap } from './zh-map';
import { zhMatch } from './zh-match';
import { zhMeasure } from './zh-measure';
import { zhReport } from './zh-report';
import { zhShare } from './zh-share';
import { zhStorage } from './zh-storage';
import { zhTour } from './zh-tour';

export const zh = {
  ...zhApp,
  ...zhMap,
  ...zhCards,
  ...zhChain,
  ...zhCharging,
  ...zhGoals,
  ...zhImport,
  ...zhShare,
  ...zhHandout,
  ...zhTour,
  ...zhBriefing,
  ...zhMatch,
  ...zhMeasure,
  ...zhLedger,
  ...zhReport,
  ...zhIssues,
  ...zhGeo,
  ...zhStorage,
} as const;

export type MessageKey = keyof typeof zh;
