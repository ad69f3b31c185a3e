import { BILLING } from './billing.figure';
import { CARE } from './care.figure';
import { FIRST_CONTACTS } from './first-contacts.figure';
import { INTAKE } from './intake.figure';
import { OUTCOMES } from './outcomes.figure';
import { PLANS } from './plans.figure';
import { REFERRALS } from './referrals.figure';
import { REMINDERS } from './reminders.figure';
import { ROOMS } from './rooms.figure';
import type { ReportFigure } from './report-figure';
import { UTILISATION } from './utilisation.figure';
import { VISITS } from './visits.figure';

/**
 * Every figure the reporting module serves, each a ReportFigure over the SQL its owner modules
 * export.
 */
export const FIGURES = [
  VISITS,
  UTILISATION,
  ROOMS,
  INTAKE,
  REFERRALS,
  FIRST_CONTACTS,
  CARE,
  PLANS,
  BILLING,
  OUTCOMES,
  REMINDERS,
] as const satisfies readonly ReportFigure[];

export type FigureKey = (typeof FIGURES)[number]['key'];
