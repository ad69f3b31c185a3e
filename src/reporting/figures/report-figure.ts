import type { FigureDefinition } from '../rules/figure-definition';

/**
 * Column and placeholder names a figure's SQL is placed among. The report query runs the facts
 * once per clinic in scope (a lateral join), so `location`, `zone` and the interval's instants are
 * that clinic's; `fromDate` and `toDate` are the local dates from and up to (excluding).
 */
export interface FactsContext {
  location: string;
  zone: string;
  fromInstant: string;
  toInstant: string;
  fromDate: string;
  toDate: string;
}

/**
 * A figure and the SQL of the rows it adds up. `facts` is a relation with the columns
 * `therapist_id` (uuid, may be null), `patient_id` (uuid, may be null), `local_at` (the local
 * wall-clock time the row belongs to, a timestamp without zone) and one numeric column per
 * measure, named by its key. Built only from the owner modules' exported SQL.
 */
export interface ReportFigure extends FigureDefinition {
  facts(context: FactsContext): string;
}
