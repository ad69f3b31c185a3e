import { DateTime } from 'luxon';
import type { EmailClinic } from '../reminders/clinic';
import type { TestApp } from '../support/test-app';

export interface Attempt {
  index: number;
  status: number;
  code?: string;
  ms: number;
  id?: string;
  retryAfter?: string;
  problemJson: boolean;
  /** Milliseconds since the load started. */
  at: number;
}

/** A local start `index` hours after 00:00 three days from now: one free slot per booking. */
export function slot(index: number, zone = 'America/New_York'): string {
  return DateTime.now()
    .setZone(zone)
    .plus({ days: 3 })
    .startOf('day')
    .plus({ hours: index })
    .toFormat("yyyy-MM-dd'T'HH:mm");
}

/**
 * Books one visit per patient, `concurrency` at a time, as a front desk would: a 503 is retried
 * after a short pause until it is answered otherwise. Returns every answer seen.
 */
export async function bookAll(
  t: TestApp,
  clinic: EmailClinic,
  patients: { id: string }[],
  { concurrency = 4, retryPauseMs = 200, firstSlot = 0 } = {},
): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < patients.length) {
      const index = next++;
      for (;;) {
        const before = Date.now();
        const response = await t.http
          .post('/appointments')
          .set({ Authorization: clinic.admin.authorization })
          .send({
            patientId: patients[index].id,
            appointmentTypeId: clinic.typeId,
            locationId: clinic.locationId,
            therapistId: clinic.therapist.id,
            localStart: slot(firstSlot + index),
          });
        attempts.push({
          index,
          status: response.status,
          code: response.body?.code as string | undefined,
          ms: Date.now() - before,
          id: response.status === 201 ? (response.body.id as string) : undefined,
          retryAfter: response.headers['retry-after'],
          problemJson: /application\/problem\+json/.test(response.headers['content-type'] ?? ''),
          at: before - started,
        });
        if (response.status !== 503) break;
        await new Promise((resolve) => setTimeout(resolve, retryPauseMs));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return attempts;
}
