import { Foundation1795420800000 } from './1795420800000-foundation';
import { PatientsAndIntake1795507200000 } from './1795507200000-patients-and-intake';
import { Scheduling1795593600000 } from './1795593600000-scheduling';
import { CalendarFeedsAndWaitlist1795680000000 } from './1795680000000-calendar-feeds-and-waitlist';
import { Notifications1795766400000 } from './1795766400000-notifications';
import { ActorChangeNotices1795852800000 } from './1795852800000-actor-change-notices';
import { AppointmentCancellationEmails1795942800000 } from './1795942800000-appointment-cancellation-emails';
import { DirectAccess1796000000000 } from './1796000000000-direct-access';
import { StaffTaskDigests1796000000001 } from './1796000000001-staff-task-digests';
import { RetiredResources1796100000000 } from './1796100000000-retired-resources';
import { VisitContext1796100000001 } from './1796100000001-visit-context';
import { AuditPatient1796100000002 } from './1796100000002-audit-patient';
import { ReportIndexes1796300000000 } from './1796300000000-report-indexes';
import { AuditRefusedAccess1796400000000 } from './1796400000000-audit-refused-access';
import { EmailEndOfData1796400000001 } from './1796400000001-email-end-of-data';
import { ServiceRole1796400000002 } from './1796400000002-service-role';
import { PlansOfCare1796500000000 } from './1796500000000-plans-of-care';
import { ProgressVisitType1796500000001 } from './1796500000001-progress-visit-type';
import { Billing1796600000000 } from './1796600000000-billing';
import { ReportVisitDays1796700000000 } from './1796700000000-report-visit-days';
import { RelayKeyset1796800000000 } from './1796800000000-relay-keyset';
import { HomeExerciseProgrammeEmails1796900000000 } from './1796900000000-home-exercise-programme-emails';
import { AppointmentTypePurpose1796910000000 } from './1796910000000-appointment-type-purpose';
import { TherapistOverlapIndexOrder1797000000000 } from './1797000000000-therapist-overlap-index-order';

/** Every migration in order. A generated migration is added here to take effect. */
export const allMigrations = [
  Foundation1795420800000,
  PatientsAndIntake1795507200000,
  Scheduling1795593600000,
  CalendarFeedsAndWaitlist1795680000000,
  Notifications1795766400000,
  ActorChangeNotices1795852800000,
  AppointmentCancellationEmails1795942800000,
  DirectAccess1796000000000,
  StaffTaskDigests1796000000001,
  RetiredResources1796100000000,
  VisitContext1796100000001,
  AuditPatient1796100000002,
  ReportIndexes1796300000000,
  AuditRefusedAccess1796400000000,
  EmailEndOfData1796400000001,
  ServiceRole1796400000002,
  PlansOfCare1796500000000,
  ProgressVisitType1796500000001,
  Billing1796600000000,
  ReportVisitDays1796700000000,
  RelayKeyset1796800000000,
  HomeExerciseProgrammeEmails1796900000000,
  AppointmentTypePurpose1796910000000,
  TherapistOverlapIndexOrder1797000000000,
];
