import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type TimelineSource, TimelineSources } from '../patients/timeline.port';

/**
 * A patient's emails on the timeline: what kind, when it went (or is due), and its status, so
 * the front desk sees a reminder went, or was skipped for want of consent; never its content.
 */
@Injectable()
export class EmailTimelineSource implements TimelineSource, OnModuleInit {
  readonly name = 'emails';

  constructor(private readonly sources: TimelineSources) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  sql(patient: string): string {
    return `SELECT coalesce(email.sent_at, email.send_at) AS occurred_at, 'email' AS kind,
                   email.id, replace(email.kind, '_', ' ') AS title, email.status,
                   NULL::uuid AS location_id,
                   json_build_object('sendAt', email.send_at, 'sentAt', email.sent_at,
                                     'appointmentId', email.appointment_id,
                                     'episodeId', email.episode_id,
                                     'waitlistEntryId', email.waitlist_entry_id) AS details
              FROM notifications email WHERE email.patient_id = ${patient}`;
  }
}
