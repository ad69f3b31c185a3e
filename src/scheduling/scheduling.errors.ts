import { ErrorKind } from '../common/errors/domain-error';
import { errorCatalogue } from '../common/errors/error-catalogue';
import { describeConstraints } from '../common/errors/postgres-errors';

const { BadRequest, Conflict, NotFound, Unprocessable, Forbidden } = ErrorKind;

/** Every error scheduling returns: availability, booking, lifecycle, series, waitlist, feeds. */
export const SchedulingErrors = errorCatalogue({
  appointmentNotFound: {
    code: 'appointment.not_found',
    kind: NotFound,
    meaning: 'No appointment with this id in the caller’s locations',
  },
  appointmentTypeNotFound: {
    code: 'appointment_type.not_found',
    kind: NotFound,
    meaning: 'No active appointment type with this id',
  },
  therapistNotAtLocation: {
    code: 'appointment.therapist_not_at_location',
    kind: Unprocessable,
    meaning: 'The therapist is not assigned to the location',
  },
  credentialNotAllowed: {
    code: 'appointment.credential_not_allowed',
    kind: Unprocessable,
    meaning: 'The appointment type is not delivered by the therapist’s credential (PT or PTA)',
  },
  therapistNotLicensed: {
    code: 'appointment.therapist_not_licensed',
    kind: Unprocessable,
    meaning: 'The therapist holds no licence in the state (or country) of the location',
  },
  licenceUnverifiable: {
    code: 'appointment.licence_unverifiable',
    kind: Unprocessable,
    meaning: 'The location has no state on file, so no therapist’s licence can be checked there',
  },
  inPast: {
    code: 'appointment.in_past',
    kind: Unprocessable,
    meaning: 'The start time has passed',
  },
  locationClosed: {
    code: 'appointment.location_closed',
    kind: Unprocessable,
    meaning: 'The location is closed that day',
  },
  outsideHours: {
    code: 'appointment.outside_hours',
    kind: Unprocessable,
    meaning: 'Outside the location’s opening hours or the therapist’s working hours there',
  },
  therapistTimeOff: {
    code: 'appointment.therapist_time_off',
    kind: Conflict,
    meaning: 'The therapist is off at that time',
  },
  therapistDoubleBooked: {
    code: 'appointment.therapist_double_booked',
    kind: Conflict,
    meaning: 'The therapist already has an appointment (with its buffers) at that time',
  },
  patientDoubleBooked: {
    code: 'appointment.patient_double_booked',
    kind: Conflict,
    meaning: 'The patient already has an appointment at that time',
  },
  sessionFull: {
    code: 'appointment.session_full',
    kind: Conflict,
    meaning: 'Every place in the group session is taken',
  },
  noResource: {
    code: 'appointment.no_resource',
    kind: Unprocessable,
    meaning: 'The location has no room or resource of the kind the type needs',
  },
  resourceFull: {
    code: 'appointment.resource_full',
    kind: Conflict,
    meaning: 'Every room of the kind is full at that time',
  },
  nonexistentLocalTime: {
    code: 'appointment.nonexistent_local_time',
    kind: BadRequest,
    meaning: 'The local time does not exist in the location’s zone (the clocks skip it)',
  },
  invalidLocalTime: {
    code: 'appointment.invalid_local_time',
    kind: BadRequest,
    meaning: 'The local time cannot be read',
  },
  checkInTooEarly: {
    code: 'appointment.check_in_too_early',
    kind: Conflict,
    meaning:
      'Check-in opens a set time before the start (CHECK_IN_OPENS_MINUTES_BEFORE, 60 by default)',
  },
  checkInTooLate: {
    code: 'appointment.check_in_too_late',
    kind: Conflict,
    meaning: 'The visit has ended: the patient can no longer be checked in (record a no-show)',
  },
  searchBadRange: {
    code: 'appointment.search_bad_range',
    kind: BadRequest,
    meaning: 'An appointment search’s last date is before its first',
  },
  startMissing: {
    code: 'appointment.start_missing',
    kind: BadRequest,
    meaning: 'Neither startsAt nor localStart was given',
  },
  cannotMove: {
    code: 'appointment.cannot_move',
    kind: Conflict,
    meaning: 'The appointment’s status does not allow a move',
  },
  illegalTransition: {
    code: 'appointment.illegal_transition',
    kind: Conflict,
    meaning: 'The action is not allowed from the appointment’s status',
  },
  notStarted: {
    code: 'appointment.not_started',
    kind: Conflict,
    meaning: 'A no-show is recorded only once the appointment has started',
  },
  notInSeries: {
    code: 'appointment.not_in_series',
    kind: Conflict,
    meaning: 'The appointment is not part of a series',
  },
  availabilityBadRange: {
    code: 'availability.bad_range',
    kind: BadRequest,
    meaning: 'The date range is empty or too long',
  },
  scheduleFilterMissing: {
    code: 'schedule.filter_missing',
    kind: BadRequest,
    meaning: 'A schedule needs a location or a therapist',
  },
  seriesInvalidRule: {
    code: 'series.invalid_rule',
    kind: BadRequest,
    meaning: 'The recurrence rule cannot be expanded',
  },
  seriesConflicts: {
    code: 'series.conflicts',
    kind: Conflict,
    meaning: 'Occurrences of the series conflict, and nothing was booked',
  },
  waitlistNotFound: {
    code: 'waitlist.not_found',
    kind: NotFound,
    meaning: 'No waiting-list entry with this id in the caller’s locations',
  },
  waitlistClosed: {
    code: 'waitlist.closed',
    kind: Conflict,
    meaning: 'The entry is no longer waiting',
  },
  waitlistDuplicateLocation: {
    code: 'waitlist.duplicate_location',
    kind: BadRequest,
    meaning: 'A location is listed twice',
  },
  waitlistNoOffer: {
    code: 'waitlist.no_offer',
    kind: Conflict,
    meaning: 'The entry has no open offer',
  },
  waitlistOfferExpired: {
    code: 'waitlist.offer_expired',
    kind: Conflict,
    meaning: 'The offer’s hold has run out',
  },
  waitlistOfferReplaced: {
    code: 'waitlist.offer_replaced',
    kind: Conflict,
    meaning: 'The emailed offer was replaced by a later one',
  },
  calendarFeedNotFound: {
    code: 'calendar_feed.not_found',
    kind: NotFound,
    meaning: 'No calendar feed for this token',
  },
  calendarFeedBadToken: {
    code: 'calendar_feed.bad_token',
    kind: BadRequest,
    meaning: 'The feed token is malformed',
  },
  calendarFeedForbidden: {
    code: 'calendar_feed.forbidden',
    kind: Forbidden,
    meaning: 'Only the therapist or an admin may manage this feed',
  },
});

describeConstraints({
  appointments_therapist_no_overlap: {
    field: 'therapistId',
    message: 'The therapist is already booked at that time',
    code: SchedulingErrors.therapistDoubleBooked,
  },
  appointments_patient_no_overlap: {
    field: 'patientId',
    message: 'The patient already has an appointment at that time',
    code: SchedulingErrors.patientDoubleBooked,
  },
});
