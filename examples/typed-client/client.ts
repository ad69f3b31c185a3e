/**
 * A front desk's day through a typed client: sign in, find a slot, book it, move it to the next
 * free slot, cancel it with a reason, then read a paged list of patients.
 *
 * Every path, parameter, body and response below is typed from the API's OpenAPI document
 * (`api.d.ts`, generated from a running instance: see README.md). Nothing is cast, asserted
 * non-null or left untyped: each call's `error` is checked first, which leaves `data` typed.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './api';

type Schemas = components['schemas'];
export type Problem = Schemas['ProblemDetails'];
export type Appointment = Schemas['AppointmentDto'];
export type Slot = Schemas['AvailableSlotDto'];
type Api = Client<paths>;
type SlotQuery = Omit<paths['/availability']['get']['parameters']['query'], 'limit' | 'offset'>;

export interface Credentials {
  email: string;
  password: string;
}

/** Who is seen, for which kind of visit, where, and the local dates (YYYY-MM-DD) to search. */
export interface Visit {
  patientId: string;
  appointmentTypeId: string;
  locationId: string;
  from: string;
  to: string;
}

export interface DayOptions {
  /** Items per page for every list (1 to 100); 25 by default. */
  pageSize?: number;
  /** Recorded with the cancellation. */
  cancelReason?: string;
}

export interface FrontDeskDayResult {
  booked: Appointment;
  moved: Appointment;
  cancelled: Appointment;
  /** Read back from the cancelled appointment. */
  cancellation: { reason: string | null; late: boolean | null };
  /** The first page of the clinic's patients, and how many there are over all pages. */
  patients: { total: number; names: string[] };
}

/** A refused request: the operation and its problem+json body (RFC 9457), typed. */
export class ApiProblem extends Error {
  readonly problem: Problem;

  constructor(operation: string, problem: Problem) {
    super(summary(operation, problem));
    this.name = 'ApiProblem';
    this.problem = problem;
  }

  /** Stable machine-readable code, e.g. `appointment.therapist_double_booked`. */
  get code(): Problem['code'] {
    return this.problem.code;
  }
}

function summary(operation: string, problem: Problem): string {
  // Invalid input names each field and why in errors[].
  const fields = (problem.errors ?? []).map(({ field, reason }) => `${field}: ${reason}`);
  const text = `${operation}: ${problem.status} ${problem.code}, ${problem.detail ?? problem.title}`;
  return fields.length > 0 ? `${text} [${fields.join('; ')}]` : text;
}

/** Someone else took the slot since the list was read: the next slot may still do. */
const SLOT_TAKEN: ReadonlySet<string> = new Set([
  'appointment.therapist_double_booked',
  'appointment.patient_double_booked',
  'appointment.resource_full',
  'appointment.session_full',
]);

async function signIn(baseUrl: string, credentials: Credentials): Promise<string> {
  const { data, error } = await createClient<paths>({ baseUrl }).POST('/auth/login', {
    body: credentials,
  });
  if (error) throw new ApiProblem('POST /auth/login', error);
  return data.accessToken;
}

/** Bookable slots, earliest first, one page at a time until `total` is reached. */
async function* slots(api: Api, query: SlotQuery, pageSize: number): AsyncGenerator<Slot> {
  let offset = 0;
  for (;;) {
    const { data, error } = await api.GET('/availability', {
      params: { query: { ...query, limit: pageSize, offset } },
    });
    if (error) throw new ApiProblem('GET /availability', error);
    yield* data.items;
    offset += data.items.length;
    if (data.items.length === 0 || offset >= data.total) return;
  }
}

/** Books the first free slot of the visit's type at its clinic. */
async function bookFirstSlot(api: Api, visit: Visit, pageSize: number): Promise<Appointment> {
  const query: SlotQuery = {
    appointmentTypeId: visit.appointmentTypeId,
    from: visit.from,
    to: visit.to,
    locationId: [visit.locationId],
  };
  for await (const slot of slots(api, query, pageSize)) {
    const { data, error } = await api.POST('/appointments', {
      body: {
        patientId: visit.patientId,
        appointmentTypeId: visit.appointmentTypeId,
        locationId: slot.locationId,
        therapistId: slot.therapistId,
        // The clinic's wall-clock time; the server reads it in the clinic's zone.
        localStart: slot.localStart,
      },
    });
    if (error) {
      if (SLOT_TAKEN.has(error.code)) continue;
      throw new ApiProblem('POST /appointments', error);
    }
    return data;
  }
  throw new Error(`No free slot from ${visit.from} to ${visit.to}`);
}

/** Moves the appointment to the same therapist's next free slot after it ends. */
async function moveToNextSlot(
  api: Api,
  appointment: Appointment,
  lastDate: string,
  pageSize: number,
): Promise<Appointment> {
  const query: SlotQuery = {
    appointmentTypeId: appointment.appointmentTypeId,
    from: appointment.localStart.slice(0, 10),
    to: lastDate,
    locationId: [appointment.locationId],
    therapistId: appointment.therapistId,
  };
  const ends = Date.parse(appointment.endsAt);
  for await (const slot of slots(api, query, pageSize)) {
    if (Date.parse(slot.startsAt) < ends) continue;
    const { data, error } = await api.POST('/appointments/{id}/reschedule', {
      params: { path: { id: appointment.id } },
      body: { localStart: slot.localStart },
    });
    if (error) {
      if (SLOT_TAKEN.has(error.code)) continue;
      throw new ApiProblem('POST /appointments/{id}/reschedule', error);
    }
    return data;
  }
  throw new Error(`No free slot after ${appointment.localEnd} to move to`);
}

async function cancel(api: Api, id: string, reason: string): Promise<Appointment> {
  const { data, error } = await api.POST('/appointments/{id}/cancel', {
    params: { path: { id } },
    body: { reason },
  });
  if (error) throw new ApiProblem('POST /appointments/{id}/cancel', error);
  return data;
}

async function patientsAt(
  api: Api,
  locationId: string,
  pageSize: number,
): Promise<FrontDeskDayResult['patients']> {
  const { data, error } = await api.GET('/patients', {
    params: { query: { locationId, limit: pageSize } },
  });
  if (error) throw new ApiProblem('GET /patients', error);
  return {
    total: data.total,
    names: data.items.map((patient) => `${patient.firstName} ${patient.lastName}`),
  };
}

/**
 * Signs in, books the first free slot for the visit, moves it to the next free slot, cancels it
 * and reads the clinic's first page of patients. A refused request throws an `ApiProblem`.
 */
export async function frontDeskDay(
  baseUrl: string,
  credentials: Credentials,
  visit: Visit,
  options: DayOptions = {},
): Promise<FrontDeskDayResult> {
  const pageSize = options.pageSize ?? 25;
  const token = await signIn(baseUrl, credentials);
  const api = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });

  const booked = await bookFirstSlot(api, visit, pageSize);
  const moved = await moveToNextSlot(api, booked, visit.to, pageSize);
  const cancelled = await cancel(api, moved.id, options.cancelReason ?? 'Patient called to cancel');
  const patients = await patientsAt(api, visit.locationId, pageSize);
  return {
    booked,
    moved,
    cancelled,
    cancellation: {
      reason: cancelled.cancelReason ?? null,
      late: cancelled.lateCancellation ?? null,
    },
    patients,
  };
}
