import { therapistAssignments } from '../auth/staff-membership.sql';
import { CLINIC_ONE_LINE, clinicOneLineSql } from '../locations/location-facts.sql';
import { PATIENT_NAME, patientNameSql } from '../patients/patient-facts.sql';
import { StaffErrors } from '../staff/staff.errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import type { Actor } from '../kernel/actor';
import { Role } from '../kernel/role';
import { CalendarFeed } from './entities/calendar-feed.entity';
import { calendarOrganizer } from './rules/calendar-organizer';
import { SchedulingErrors } from './scheduling.errors';
import { domainError } from '../common/errors/error-catalogue';

const DAY_MS = 86_400_000;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

const STATUS: Record<string, ICalEventStatus> = {
  booked: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  checked_in: ICalEventStatus.CONFIRMED,
  completed: ICalEventStatus.CONFIRMED,
  no_show: ICalEventStatus.CANCELLED,
  cancelled: ICalEventStatus.CANCELLED,
};

interface FeedRow {
  id: string;
  status: string;
  starts_at: Date;
  ends_at: Date;
  updated_at: Date;
  created_at: Date;
  moves: number;
  type_name: string;
  location_name: string;
  location_address: string | null;
  first_name: string;
  last_name: string;
}

/**
 * A therapist's schedule as a read-only iCalendar feed that calendar apps subscribe to. The URL
 * carries a random token (only its hash is stored); creating a new one revokes the old.
 * Events carry the minimum: visit type, patient initials, location.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async issue(actor: Actor, therapistId: string): Promise<string> {
    this.assertOwnerOrAdmin(actor, therapistId);
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.transaction(async (manager) => {
      if (!(await therapistAssignments(manager, therapistId)))
        throw domainError(StaffErrors.therapistNotFound, `No therapist ${therapistId}`);
      await manager.update(
        CalendarFeed,
        { therapistId, revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      await manager.insert(CalendarFeed, { therapistId, tokenHash: hash(token) });
      await this.audit.record(
        { actor, action: 'create', entityType: 'calendar_feed', entityId: therapistId },
        manager,
      );
    });
    return token;
  }

  async revoke(actor: Actor, therapistId: string): Promise<void> {
    this.assertOwnerOrAdmin(actor, therapistId);
    const { affected } = await this.dataSource
      .getRepository(CalendarFeed)
      .update({ therapistId, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!affected)
      throw domainError(SchedulingErrors.calendarFeedNotFound, 'No active calendar feed');
    await this.audit.record({
      actor,
      action: 'delete',
      entityType: 'calendar_feed',
      entityId: therapistId,
    });
  }

  /** The feed for a token, or not found when it is unknown or revoked. */
  async render(token: string, requestId: string): Promise<string> {
    const feed = await this.dataSource
      .getRepository(CalendarFeed)
      .findOneBy({ tokenHash: hash(token), revokedAt: IsNull() });
    if (!feed) throw domainError(SchedulingErrors.calendarFeedNotFound, 'No such calendar feed');
    const now = Date.now();
    const rows = await this.dataSource.query<FeedRow[]>(
      `SELECT a.id, a.status, a.starts_at, a.ends_at, a.updated_at, a.created_at,
              (SELECT count(*)::int FROM appointment_events e WHERE e.appointment_id = a.id AND e.action = 'reschedule') AS moves,
              t.name AS type_name, clinic.name AS location_name, clinic.address AS location_address,
              person."firstName" AS first_name, person."lastName" AS last_name
         FROM appointments a
         JOIN appointment_types t ON t.id = a.appointment_type_id
        CROSS JOIN LATERAL json_to_record(${clinicOneLineSql('a.location_id')})
                AS clinic (${CLINIC_ONE_LINE.columns})
        CROSS JOIN LATERAL json_to_record(${patientNameSql('a.patient_id')})
                AS person (${PATIENT_NAME.columns})
        WHERE a.therapist_id = $1 AND a.starts_at >= $2 AND a.starts_at < $3
        ORDER BY a.starts_at`,
      [feed.therapistId, new Date(now - 30 * DAY_MS), new Date(now + 180 * DAY_MS)],
    );
    await this.audit.record({
      actor: { userId: feed.therapistId, requestId },
      action: 'read',
      entityType: 'calendar_feed',
      entityId: feed.therapistId,
      details: { events: rows.length },
    });
    const calendar = ical({
      name: 'PT Practice schedule',
      prodId: { company: 'PT Practice', product: 'Therapist schedule', language: 'EN' },
      method: ICalCalendarMethod.PUBLISH,
      ttl: 15 * 60,
    });
    for (const row of rows) {
      calendar.createEvent({
        id: `${row.id}@pt-practice`,
        start: row.starts_at,
        end: row.ends_at,
        stamp: row.updated_at,
        created: row.created_at,
        lastModified: row.updated_at,
        // Calendar apps replace an event when its sequence grows: every move is a new revision,
        // and so is calling the visit off (as the patient's cancellation email counts it).
        sequence: row.moves + (STATUS[row.status] === ICalEventStatus.CANCELLED ? 1 : 0),
        // The clinic organizes the visit: PUBLISH requires an ORGANIZER (RFC 5546 3.2.1).
        organizer: calendarOrganizer(row.location_name, this.config.email.from),
        summary: `${row.type_name}: ${row.first_name.charAt(0)}. ${row.last_name.charAt(0)}.`,
        location: row.location_address
          ? `${row.location_name}, ${row.location_address}`
          : row.location_name,
        status: STATUS[row.status],
      });
    }
    // Every content line ends in CRLF, the last one too (RFC 5545 3.1): ical-generator leaves
    // END:VCALENDAR bare.
    return `${calendar.toString()}\r\n`;
  }

  private assertOwnerOrAdmin(actor: Actor, therapistId: string): void {
    if (actor.role !== Role.Admin && actor.userId !== therapistId) {
      throw domainError(
        SchedulingErrors.calendarFeedForbidden,
        'Only the therapist or an admin manages this feed',
      );
    }
  }
}
