import { CARE } from './care.figure';
import { INTAKE } from './intake.figure';
import { OUTCOMES } from './outcomes.figure';
import { REFERRALS } from './referrals.figure';
import { REMINDERS } from './reminders.figure';
import { ROOMS } from './rooms.figure';
import type { ReportFigure } from './report-figure';
import { UTILISATION } from './utilisation.figure';
import { VISITS } from './visits.figure';

/**
 * Every figure the reporting module serves. Figures of modules still to land (plans of care,
 * billing, direct access) join this list as a ReportFigure over the SQL those modules export.
 */
export const FIGURES = [
  VISITS,
  UTILISATION,
  ROOMS,
  INTAKE,
  REFERRALS,
  CARE,
  OUTCOMES,
  REMINDERS,
] as const satisfies readonly ReportFigure[];

export type FigureKey = (typeof FIGURES)[number]['key'];
