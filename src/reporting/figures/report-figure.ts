import type { FigureDefinition } from '../rules/figure-definition';

/**
 * Column and placeholder names a figure's SQL is placed among. The report query runs the facts
 * once per local bucket (an hour, day, week or month of one clinic, or the whole range), so
 * `location`, `zone` and the bucket's instants are that clinic's; `fromDate` and `toDate` are the
 * bucket's local dates from and up to (excluding). Every fact the bucket holds is counted in it.
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
 * `therapist_id` (uuid, may be null), `patient_id` (uuid, may be null), `at` (the instant, for a
 * figure split by hour) and one numeric column per measure, named by its key. Built only from the owner modules' exported SQL.
 */
export interface ReportFigure extends FigureDefinition {
  facts(context: FactsContext): string;
  /**
   * The same facts read from the visit-day roll-up (one row per clinic, therapist and local day):
   * the same sums for any request that needs neither the patient (a payer filter) nor the hour.
   */
  rolledUp?(context: FactsContext): string;
}
