import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type TimelineSource, TimelineSources } from '../patients/timeline.port';
import { planOfRevisionSql } from '../plans/home-programme-facts.sql';

/**
 * A patient's emails on the timeline: what kind, when it went (or is due), and its status, so
 * the front desk sees a reminder or a home exercise programme went, or was skipped for want of
 * consent (and why), or failed; never its content.
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
                                     'waitlistEntryId', email.waitlist_entry_id,
                                     'planId', ${planOfRevisionSql('email.plan_revision_id')},
                                     'reason', CASE WHEN email.status IN ('skipped', 'failed')
                                                    THEN email.last_error END) AS details
              FROM notifications email WHERE email.patient_id = ${patient}`;
  }
}
