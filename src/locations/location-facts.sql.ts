import { jsonRecord } from '../database/json-record';

/**
 * SQL over the locations module's tables for other modules' single reads (a booking reads its
 * location, hours and closures with everything else in one round trip). Each function returns an
 * expression; parameters are passed as placeholders (`$6`) that the caller's statement binds.
 * `oneOf` renders `= $1` for one id or `= ANY($1)` for an array.
 */
export type IdMatch = (placeholder: string) => string;

/**
 * `{ id, timeZone, reminderHoursBefore, secondReminderHoursBefore, country, state }` of a
 * location, or null: its zone and jurisdiction for a booking's checks, and its reminder leads for
 * planning a visit's emails.
 */
export const LOCATION_FACTS = jsonRecord({
  id: ['l.id', 'uuid'],
  timeZone: ['l.time_zone', 'text'],
  reminderHoursBefore: ['l.reminder_hours_before', 'int'],
  secondReminderHoursBefore: ['l.second_reminder_hours_before', 'int'],
  country: ['l.country', 'text'],
  state: ['l.state', 'text'],
});

export function locationFactsSql(location: string): string {
  return `(SELECT ${LOCATION_FACTS.object} FROM locations l WHERE l.id = ${location})`;
}

/**
 * `{ id, name, phone, timeZone, addressLines }` of a location, or null: how a patient email names
 * and reaches the clinic and in which zone it shows times. `addressLines` are the lines to print
 * (street lines, then "City, ST 12345"), blank ones left out.
 */
export const CLINIC_CONTACT = jsonRecord({
  id: ['clinic.id', 'uuid'],
  name: ['clinic.name', 'text'],
  phone: ['clinic.phone', 'text'],
  timeZone: ['clinic.time_zone', 'text'],
  addressLines: [
    `array_remove(ARRAY[clinic.address_line1, clinic.address_line2,
       nullif(concat_ws(' ', clinic.city || ',', clinic.state, clinic.postal_code), '')], NULL)`,
    'text[]',
  ],
});

export function clinicContactSql(location: string): string {
  return `(SELECT ${CLINIC_CONTACT.object} FROM locations clinic WHERE clinic.id = ${location})`;
}

/** `{ name, address }` of a clinic, the address on one line, for a calendar event's location. */
export const CLINIC_ONE_LINE = jsonRecord({
  name: ['place.name', 'text'],
  address: [`concat_ws(', ', place.address_line1, place.city, place.state)`, 'text'],
});

export function clinicOneLineSql(location: string): string {
  return `(SELECT ${CLINIC_ONE_LINE.object} FROM locations place WHERE place.id = ${location})`;
}

/** `{ [locationId]: timeZone }` of the matched locations. */
export function zonesSql(oneOf: IdMatch, locations: string): string {
  return `(SELECT coalesce(json_object_agg(id, time_zone), '{}') FROM locations WHERE id ${oneOf(locations)})`;
}

/** Weekly opening windows `[{ locationId, weekday, opens, closes }]`, local wall-clock time. */
export function openingHoursSql(oneOf: IdMatch, locations: string): string {
  return `(SELECT coalesce(json_agg(json_build_object(
              'locationId', location_id, 'weekday', weekday,
              'opens', to_char(opens, 'HH24:MI'), 'closes', to_char(closes, 'HH24:MI'))), '[]')
              FROM location_hours WHERE location_id ${oneOf(locations)})`;
}

/**
 * Closures `[{ locationId, startsOn, endsOn, reason }]` touching the instants `from` to `to`;
 * a day of margin on each side covers every zone's local dates.
 */
export function closuresSql(oneOf: IdMatch, locations: string, from: string, to: string): string {
  return `(SELECT coalesce(json_agg(json_build_object(
              'locationId', location_id, 'startsOn', starts_on, 'endsOn', ends_on, 'reason', reason)), '[]')
              FROM location_closures WHERE location_id ${oneOf(locations)}
               AND ends_on >= (${from}::timestamptz)::date - 1 AND starts_on <= (${to}::timestamptz)::date + 1)`;
}

/** `{ name, timeZone }` of a location, or null: how a screen names it and reads its times. */
export const LOCATION_LABEL = jsonRecord({
  name: ['labelled.name', 'text'],
  timeZone: ['labelled.time_zone', 'text'],
});

export function locationLabelSql(location: string): string {
  return `(SELECT ${LOCATION_LABEL.object} FROM locations labelled WHERE labelled.id = ${location})`;
}

/** `[{ id, name }]` of the locations whose ids the `uuid[]` expression holds, by name. */
export function locationNamesSql(ids: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('id', named.id, 'name', named.name)
              ORDER BY named.name, named.id), '[]')
             FROM locations named WHERE named.id = ANY(${ids}))`;
}

/** The local calendar date of an instant at a location, in the location's zone. */
export function localDateSql(location: string, instant: string): string {
  return `(${instant} AT TIME ZONE (SELECT zoned.time_zone FROM locations zoned WHERE zoned.id = ${location}))::date`;
}

/** `[{ id, name, timeZone }]` of every location: where a daily job looks for its local hour. */
export function everyLocationSql(): string {
  return `(SELECT coalesce(json_agg(json_build_object('id', every.id, 'name', every.name, 'timeZone', every.time_zone)), '[]')
             FROM locations every)`;
}
