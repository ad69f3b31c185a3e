/** Every queue of the service. A queue's jobs are handled by one processor class. */
export enum QueueName {
  AuditExports = 'audit-exports',
  Notifications = 'notifications',
  StaffDigests = 'staff-digests',
}

/** Every job name, so producers and processors cannot drift apart. */
export enum JobName {
  ExportAuditEvents = 'export-audit-events',
  DeliverNotification = 'deliver-notification',
  SendStaffDigest = 'send-staff-digest',
}
