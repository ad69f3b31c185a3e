import {
  firstArrivalOnOrAfterSql,
  firstContactsSql,
} from '../../scheduling/appointment-report.sql';
import type { ReportFigure } from './report-figure';

/** First contacts: how many free pain assessments led to an initial evaluation, and how soon. */
export const FIRST_CONTACTS: ReportFigure = {
  key: 'first-contacts',
  title: 'Free pain assessments converted to an initial evaluation',
  description:
    'Visits of a first-contact type (appointment type purpose `first_contact`, such as a free ' +
    'pain assessment) that the patient came to, on the clinic’s local date they were held, by ' +
    'the therapist who held them; converted when the patient then came to a visit of an ' +
    'initial-evaluation type (purpose `initial_evaluation`; checked in or completed, any clinic) ' +
    'on or after that date. Conversion = evaluated / firstContacts; within 7 days = ' +
    'evaluatedWithin7Days / firstContacts.',
  audience: 'operational',
  measures: [
    {
      key: 'firstContacts',
      description: 'First-contact visits (free pain assessments) the patient came to in the period',
    },
    {
      key: 'evaluatedWithin7Days',
      description:
        'Of those, the ones whose patient came to an initial evaluation within 7 days of it',
    },
    {
      key: 'evaluated',
      description:
        'Of those, the ones whose patient came to an initial evaluation on or after it, ever',
    },
  ],
  ratios: [
    {
      key: 'conversionWithin7Days',
      numerator: 'evaluatedWithin7Days',
      denominator: 'firstContacts',
      kind: 'rate',
      description: 'First contacts converted to an arrived initial evaluation within 7 days',
    },
    {
      key: 'conversion',
      numerator: 'evaluated',
      denominator: 'firstContacts',
      kind: 'rate',
      description: 'First contacts converted to an arrived initial evaluation at all',
    },
  ],
  dimensions: ['location', 'therapist', 'weekday'],
  byPayer: true,
  smallCells: [],
  facts: (at) => `(SELECT contact.therapist_id, contact.patient_id, 1 AS "firstContacts",
        coalesce(evaluation.first_on <= contact.held_on + 7, false)::int AS "evaluatedWithin7Days",
        (evaluation.first_on IS NOT NULL)::int AS "evaluated"
      FROM ${firstContactsSql(at.location, at.fromInstant, at.toInstant, at.zone)} contact
      CROSS JOIN LATERAL (SELECT ${firstArrivalOnOrAfterSql('contact.patient_id', 'contact.held_on', at.zone, 'initial_evaluation')} AS first_on) evaluation)`,
};
