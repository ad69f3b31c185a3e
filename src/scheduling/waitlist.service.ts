import { LocationErrors } from '../locations/locations.errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../kernel/actor';
import { inScope, scopeToLocations, visibleOr } from '../kernel/location-scope';
import type { PageQuery } from '../common/pagination/page';
import { PatientsService } from '../patients/patients.service';
import type { WaitlistDto } from './dto/waitlist.dto';
import { WaitlistEntry } from './entities/waitlist-entry.entity';
import { AppointmentListeners } from './appointment-listener.port';
import { type FreedSlot, wishFits } from './rules/waitlist';
import { SchedulingErrors } from './scheduling.errors';
import { domainError } from '../common/errors/error-catalogue';

/** How long an offered slot is held for the patient before it goes to the next in line. */
export const OFFER_HOLD_MS = 4 * 3_600_000;

@Injectable()
export class WaitlistService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly patients: PatientsService,
    private readonly audit: AuditService,
    private readonly listeners: AppointmentListeners,
  ) {}

  async add(actor: Actor, input: WaitlistDto): Promise<WaitlistEntry> {
    input.locationIds.forEach((locationId, index) => {
      if (!inScope(actor, locationId)) {
        throw domainError(LocationErrors.locationNotFound, `No location ${locationId}`);
      }
      if (input.locationIds.indexOf(locationId) !== index) {
        throw domainError(
          SchedulingErrors.waitlistDuplicateLocation,
          'A location is listed twice',
          [{ field: `locationIds[${index}]`, reason: 'listed twice' }],
        );
      }
    });
    return this.dataSource.transaction(async (manager) => {
      await this.patients.assertVisible(actor, input.patientId, manager);
      const entry = await manager.save(WaitlistEntry, {
        dayStarts: '00:00',
        dayEnds: '23:59',
        therapistId: null,
        ...input,
        status: 'waiting' as const,
        createdBy: actor.userId,
      });
      await this.audit.record(
        { actor, action: 'create', entityType: 'waitlist_entry', entityId: entry.id },
        manager,
      );
      return entry;
    });
  }

  async list(
    actor: Actor,
    page: PageQuery & { status?: string },
  ): Promise<[WaitlistEntry[], number]> {
    const query = this.dataSource
      .getRepository(WaitlistEntry)
      .createQueryBuilder('entry')
      .orderBy('entry.created_at')
      .addOrderBy('entry.id');
    if (page.status) query.andWhere('entry.status = :status', { status: page.status });
    const [entries, total] = await scopeToLocations(query, actor, 'entry.location_ids', 'array')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    // The page shows patients: whose, is on the trail (HIPAA 164.312(b)).
    await this.audit.record({
      actor,
      action: 'read',
      entityType: 'waitlist',
      details: { patientIds: [...new Set(entries.map((entry) => entry.patientId))] },
    });
    return [entries, total];
  }

  async withdraw(actor: Actor, id: string): Promise<WaitlistEntry> {
    return this.dataSource.transaction(async (manager) => {
      const entry = await this.findVisible(manager, actor, id);
      if (entry.status !== 'waiting' && entry.status !== 'offered') {
        throw domainError(SchedulingErrors.waitlistClosed, `The entry is ${entry.status}`);
      }
      await manager.update(
        WaitlistEntry,
        { id },
        { status: 'withdrawn', offeredStartsAt: null, offerExpiresAt: null },
      );
      await this.audit.record(
        { actor, action: 'update', entityType: 'waitlist_entry', entityId: id },
        manager,
      );
      return manager.findOneByOrFail(WaitlistEntry, { id });
    });
  }

  /**
   * Offers a freed slot to the first waiting patient it fits, in the transaction that freed it.
   * Entries are locked oldest first and skipped when busy, so two freed slots never go to the
   * same patient.
   */
  async offer(manager: EntityManager, slot: FreedSlot): Promise<WaitlistEntry | null> {
    const candidates = await manager
      .getRepository(WaitlistEntry)
      .createQueryBuilder('entry')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where("entry.status = 'waiting'")
      .andWhere('entry.appointment_type_id = :type', { type: slot.appointmentTypeId })
      .andWhere(':location = ANY(entry.location_ids)', { location: slot.locationId })
      .orderBy('entry.created_at')
      .addOrderBy('entry.id')
      .limit(50)
      .getMany();
    const match = candidates.find((entry) => wishFits(entry, slot));
    if (!match) return null;
    await manager.update(
      WaitlistEntry,
      { id: match.id },
      {
        status: 'offered',
        offeredStartsAt: slot.startsAt,
        offeredTherapistId: slot.therapistId,
        offeredLocationId: slot.locationId,
        offerExpiresAt: new Date(Date.now() + OFFER_HOLD_MS),
      },
    );
    await this.listeners.waitlistOffered(manager, {
      id: match.id,
      patientId: match.patientId,
      offeredStartsAt: slot.startsAt,
    });
    return manager.findOneByOrFail(WaitlistEntry, { id: match.id });
  }

  /** Locks an offered entry for acceptance; an expired offer is closed and refused. */
  async takeOffer(manager: EntityManager, actor: Actor, id: string): Promise<WaitlistEntry> {
    const entry = await this.findVisible(manager, actor, id, true);
    if (entry.status !== 'offered' || !entry.offerExpiresAt) {
      throw domainError(
        SchedulingErrors.waitlistNoOffer,
        `The entry is ${entry.status}, with no open offer`,
      );
    }
    if (entry.offerExpiresAt.getTime() < Date.now()) {
      throw domainError(SchedulingErrors.waitlistOfferExpired, 'The offer has expired');
    }
    await manager.update(WaitlistEntry, { id }, { status: 'booked' });
    return entry;
  }

  /** Who put the patient on the waiting list (the email link books on their behalf). */
  async creatorOf(id: string): Promise<string | undefined> {
    const entry = await this.dataSource
      .getRepository(WaitlistEntry)
      .findOne({ where: { id }, select: { id: true, createdBy: true } });
    return entry?.createdBy;
  }

  private async findVisible(manager: EntityManager, actor: Actor, id: string, forUpdate = false) {
    const entry = await manager.findOne(WaitlistEntry, {
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return visibleOr(
      actor,
      entry,
      (row) => row.locationIds,
      () => domainError(SchedulingErrors.waitlistNotFound, `No waitlist entry ${id}`),
    );
  }
}
