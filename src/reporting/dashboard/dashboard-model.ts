import { DateTime } from 'luxon';
import type { FigureRow } from '../rules/figure-rows';
import type { DashboardChart, DashboardModel } from './dashboard-page';

/** Weeks charted: the current week and the 11 before it. */
export const DASHBOARD_WEEKS = 12;

/** The local dates a dashboard covers: 12 ISO weeks up to and including the week of `today`. */
export function dashboardRange(today: string): { from: string; to: string; weeks: string[] } {
  const monday = DateTime.fromISO(today, { zone: 'UTC' }).startOf('week');
  const first = monday.minus({ weeks: DASHBOARD_WEEKS - 1 });
  const weeks = Array.from({ length: DASHBOARD_WEEKS }, (_, index) =>
    first.plus({ weeks: index }).toISODate()!,
  );
  return { from: first.toISODate()!, to: today, weeks };
}

type Read = (row: FigureRow) => number | null;

/** One chart: a dataset per clinic, a value per week (null for a week without data). */
export function weeklyChart(
  chart: Omit<DashboardChart, 'datasets'>,
  weeks: readonly string[],
  rows: readonly FigureRow[],
  read: Read,
): DashboardChart {
  const clinics = new Map<string, { label: string; data: (number | null)[] }>();
  for (const row of rows) {
    if (!row.group || !row.period) continue;
    const week = weeks.indexOf(row.period);
    if (week < 0) continue;
    let dataset = clinics.get(row.group.id);
    if (!dataset) {
      dataset = { label: row.group.label, data: weeks.map(() => null) };
      clinics.set(row.group.id, dataset);
    }
    dataset.data[week] = read(row);
  }
  const datasets = [...clinics.values()].sort((a, b) => a.label.localeCompare(b.label));
  return { ...chart, datasets };
}

const percent = (value: number | null) =>
  value === null ? '–' : `${(Math.round(value * 1000) / 10).toFixed(1)} %`;

/** The whole page: four charts, a summary per clinic, the CSV links. */
export function dashboardModel(
  range: { from: string; to: string; weeks: string[] },
  visitsByWeek: readonly FigureRow[],
  utilisationByWeek: readonly FigureRow[],
  visitsByClinic: readonly FigureRow[],
  utilisationByClinic: readonly FigureRow[],
  downloadBase: string,
): DashboardModel {
  const charts = [
    weeklyChart(
      { id: 'arrived-visits', title: 'Visits arrived per week', type: 'bar', share: false },
      range.weeks,
      visitsByWeek,
      (row) => row.measures.arrived ?? null,
    ),
    weeklyChart(
      {
        id: 'arrival-rate',
        title: 'Arrival rate (arrived / scheduled)',
        type: 'line',
        share: true,
      },
      range.weeks,
      visitsByWeek,
      (row) => row.ratios.arrivalRate?.value ?? null,
    ),
    weeklyChart(
      {
        id: 'cancel-no-show-rate',
        title: 'Cancellations and no-shows / scheduled',
        type: 'line',
        share: true,
      },
      range.weeks,
      visitsByWeek,
      (row) => row.ratios.cancelNoShowRate?.value ?? null,
    ),
    weeklyChart(
      {
        id: 'utilisation',
        title: 'Utilisation (booked / working minutes)',
        type: 'line',
        share: true,
      },
      range.weeks,
      utilisationByWeek,
      (row) => row.ratios.utilisation?.value ?? null,
    ),
  ];
  const utilisation = new Map(utilisationByClinic.map((row) => [row.group?.id, row]));
  const summary = visitsByClinic.map((row) => ({
    clinic: row.group?.label ?? '',
    cells: [
      String(row.measures.scheduled ?? 0),
      String(row.measures.arrived ?? 0),
      percent(row.ratios.arrivalRate?.value ?? null),
      percent(row.ratios.cancelNoShowRate?.value ?? null),
      percent(row.ratios.unexcusedRate?.value ?? null),
      percent(utilisation.get(row.group?.id)?.ratios.utilisation?.value ?? null),
    ],
  }));
  const query = `from=${range.from}&to=${range.to}`;
  const byWeek = `${query}&period=week&by=location`;
  return {
    from: range.from,
    to: range.to,
    weeks: range.weeks,
    charts,
    summaryHeader: [
      'Clinic',
      'Scheduled',
      'Arrived',
      'Arrival rate',
      'Cancelled or no-show',
      'Late-cancelled or no-show',
      'Utilisation',
    ],
    summary,
    downloads: [
      {
        label: 'Visits and arrival, by week and clinic',
        href: `${downloadBase}/visits.csv?${byWeek}`,
      },
      {
        label: 'Utilisation, by week and clinic',
        href: `${downloadBase}/utilisation.csv?${byWeek}`,
      },
      {
        label: 'Reminder emails, by week and clinic',
        href: `${downloadBase}/reminders.csv?${byWeek}`,
      },
      {
        label: 'New patients and initial evaluations, by week and clinic',
        href: `${downloadBase}/intake.csv?${byWeek}`,
      },
      {
        label: 'Room and resource occupancy, by week and clinic',
        href: `${downloadBase}/rooms.csv?${byWeek}`,
      },
      {
        label: 'Referral conversion, by week and clinic',
        href: `${downloadBase}/referrals.csv?${byWeek}`,
      },
      {
        label: 'Free pain assessments converted to an initial evaluation, by week and clinic',
        href: `${downloadBase}/first-contacts.csv?${byWeek}`,
      },
      {
        label: 'Visits per discharged episode, by week and clinic',
        href: `${downloadBase}/care.csv?${byWeek}`,
      },
      {
        label: 'Plans of care (active and under-scheduled at each week’s end), by week and clinic',
        href: `${downloadBase}/plans.csv?${byWeek}`,
      },
      {
        label: 'Billed units and charges, by week and clinic',
        href: `${downloadBase}/billing.csv?${byWeek}`,
      },
      { label: 'Outcomes, by clinic', href: `${downloadBase}/outcomes.csv?${query}&by=location` },
      {
        label: 'Medicare certifications and progress reports due and overdue today, by clinic',
        href: `${downloadBase}/medicare-duties.csv`,
      },
      {
        label: 'Every visit, one row each',
        href: `${downloadBase}/visits/appointments.csv?${query}`,
      },
    ],
  };
}
