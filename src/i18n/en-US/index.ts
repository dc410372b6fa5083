import { findings } from './findings.js';
import { errors } from './errors.js';
import { cli } from './cli.js';
import { common } from './common.js';
import { server } from './server.js';
import { report } from './report.js';
import { reporting } from './reporting.js';
import { reminders } from './reminders.js';
import { bulletin } from './bulletin.js';
import { ledger } from './ledger.js';
import { publicPortal } from './public.js';
import { reliability } from './reliability.js';
import { security } from './security.js';
import { orgs } from './orgs.js';

export const enUS: Record<string, string> = {
  ...common,
  ...findings,
  ...errors,
  ...cli,
  ...server,
  ...report,
  ...reporting,
  ...reminders,
  ...bulletin,
  ...ledger,
  ...publicPortal,
  ...reliability,
  ...security,
  ...orgs,
};
