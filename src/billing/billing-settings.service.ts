import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { domainError } from '../common/errors/error-catalogue';
import { CommonErrors } from '../common/errors/common.errors';
import type { Actor } from '../kernel/actor';
import { locationFactsSql } from '../locations/location-facts.sql';
import { therapistQualificationsSql } from '../staff/therapist-facts.sql';
import { BillingErrors } from './billing.errors';
import type {
  FeeScheduleDto,
  FeeScheduleViewDto,
  LocationBillingDto,
  LocationBillingViewDto,
  Payer,
  PayerSettingViewDto,
  ProviderNpiViewDto,
} from './dto/settings.dto';
import { PAYERS } from './dto/settings.dto';
import type { UnitRule } from './rules/billing-units';

/** Every payer uses the 8-minute rule unless an admin sets another (Medicare always does). */
export const DEFAULT_UNIT_RULE: UnitRule = 'eight_minute';

/**
 * The clinic's billing set-up, kept by admins: each payer's unit rule, each location's place of
 * service and billing NPI, rendering therapists' NPIs, and fee schedules per location and payer
 * (a charge per unit of a code, in effect from a date until a later version).
 */
@Injectable()
export class BillingSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async payers(): Promise<PayerSettingViewDto[]> {
    const rows = await this.dataSource.query<{ payer: Payer; unit_rule: UnitRule }[]>(
      `SELECT payer, unit_rule FROM billing_payer_settings`,
    );
    return PAYERS.map((payer) => {
      const saved = rows.find((row) => row.payer === payer);
      return { payer, unitRule: saved?.unit_rule ?? DEFAULT_UNIT_RULE, isDefault: !saved };
    });
  }

  /** The unit rule of a payer (a patient without one is billed as self-pay). */
  async unitRuleOf(payer: Payer | null, manager: EntityManager): Promise<UnitRule> {
    const [row] = await manager.query<{ unit_rule: UnitRule }[]>(
      `SELECT unit_rule FROM billing_payer_settings WHERE payer = $1`,
      [payer ?? 'self_pay'],
    );
    return row?.unit_rule ?? DEFAULT_UNIT_RULE;
  }

  async setPayer(actor: Actor, payer: Payer, unitRule: UnitRule): Promise<PayerSettingViewDto> {
    if (payer === 'medicare' && unitRule !== 'eight_minute') {
      throw domainError(CommonErrors.validationFailed, 'Medicare bills by the 8-minute rule', [
        { field: 'unitRule', reason: 'Medicare uses eight_minute (CMS 100-04 Ch. 5 § 20.2)' },
      ]);
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO billing_payer_settings (payer, unit_rule, updated_by) VALUES ($1, $2, $3)
         ON CONFLICT (payer) DO UPDATE SET unit_rule = excluded.unit_rule,
           updated_by = excluded.updated_by, updated_at = now()`,
        [payer, unitRule, actor.userId],
      );
      await this.audit.record(
        { actor, action: 'update', entityType: 'billing_payer', details: { payer, unitRule } },
        manager,
      );
    });
    return { payer, unitRule, isDefault: false };
  }

  async location(locationId: string): Promise<LocationBillingViewDto> {
    const [row] = await this.dataSource.query<
      { known: boolean; place_of_service: string | null; billing_npi: string | null }[]
    >(
      `SELECT ${locationFactsSql('$1::uuid')} IS NOT NULL AS known, place_of_service, billing_npi
         FROM (SELECT 1) one LEFT JOIN billing_locations ON location_id = $1`,
      [locationId],
    );
    if (!row.known) throw domainError(BillingErrors.locationNotFound, `No location ${locationId}`);
    return {
      locationId,
      placeOfService: (row.place_of_service ?? '11') as LocationBillingViewDto['placeOfService'],
      ...(row.billing_npi ? { billingNpi: row.billing_npi } : {}),
    };
  }

  async setLocation(
    actor: Actor,
    locationId: string,
    input: LocationBillingDto,
  ): Promise<LocationBillingViewDto> {
    await this.location(locationId);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO billing_locations (location_id, place_of_service, billing_npi, updated_by)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (location_id) DO UPDATE SET place_of_service = excluded.place_of_service,
           billing_npi = excluded.billing_npi, updated_by = excluded.updated_by, updated_at = now()`,
        [locationId, input.placeOfService, input.billingNpi ?? null, actor.userId],
      );
      await this.audit.record(
        { actor, action: 'update', entityType: 'billing_location', entityId: locationId },
        manager,
      );
    });
    return { locationId, ...input };
  }

  async setProviderNpi(actor: Actor, userId: string, npi: string): Promise<ProviderNpiViewDto> {
    await this.dataSource.transaction(async (manager) => {
      const [{ therapist }] = await manager.query<{ therapist: unknown }[]>(
        `SELECT ${therapistQualificationsSql('$1::uuid')} AS therapist`,
        [userId],
      );
      if (!therapist) throw domainError(BillingErrors.therapistNotFound, `No therapist ${userId}`);
      await manager.query(
        `INSERT INTO billing_provider_npis (user_id, npi, updated_by) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET npi = excluded.npi,
           updated_by = excluded.updated_by, updated_at = now()`,
        [userId, npi, actor.userId],
      );
      await this.audit.record(
        { actor, action: 'update', entityType: 'billing_provider', entityId: userId },
        manager,
      );
    });
    return { userId, npi };
  }

  /** The charges in effect on `onDate`: for each code, the latest version from on or before it. */
  async feeSchedule(locationId: string, payer: Payer, onDate: string): Promise<FeeScheduleViewDto> {
    await this.location(locationId);
    const rows = await this.dataSource.query<
      { code: string; charge_cents: number; effective_from: string }[]
    >(
      `SELECT DISTINCT ON (code) code, charge_cents, effective_from::text
         FROM fee_schedule_entries
        WHERE location_id = $1 AND payer = $2 AND effective_from <= $3::date
        ORDER BY code, effective_from DESC`,
      [locationId, payer, onDate],
    );
    return {
      locationId,
      payer,
      onDate,
      fees: rows.map((row) => ({
        code: row.code,
        chargeCents: row.charge_cents,
        effectiveFrom: row.effective_from,
      })),
    };
  }

  /** Sets the charges of a version (the codes given; a later PUT of the same date replaces them). */
  async setFeeSchedule(
    actor: Actor,
    locationId: string,
    payer: Payer,
    input: FeeScheduleDto,
  ): Promise<FeeScheduleViewDto> {
    await this.location(locationId);
    const codes = input.fees.map((fee) => fee.code);
    const repeated = codes.filter((code, index) => codes.indexOf(code) !== index);
    if (repeated.length > 0) {
      throw domainError(CommonErrors.validationFailed, 'A code is priced twice', [
        { field: 'fees', reason: `each code once; repeated: ${[...new Set(repeated)].join(', ')}` },
      ]);
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO fee_schedule_entries (location_id, payer, code, effective_from, charge_cents, recorded_by)
         SELECT $1, $2, fee.code, $3, fee.charge_cents, $4
           FROM json_to_recordset($5::json) AS fee (code text, charge_cents int)
         ON CONFLICT ON CONSTRAINT fee_schedule_entries_one_per_day
           DO UPDATE SET charge_cents = excluded.charge_cents,
             recorded_by = excluded.recorded_by, recorded_at = now()`,
        [
          locationId,
          payer,
          input.effectiveFrom,
          actor.userId,
          JSON.stringify(
            input.fees.map((fee) => ({ code: fee.code, charge_cents: fee.chargeCents })),
          ),
        ],
      );
      await this.audit.record(
        {
          actor,
          action: 'update',
          entityType: 'fee_schedule',
          entityId: locationId,
          details: { payer, effectiveFrom: input.effectiveFrom, codes: input.fees.length },
        },
        manager,
      );
    });
    return this.feeSchedule(locationId, payer, input.effectiveFrom);
  }
}
