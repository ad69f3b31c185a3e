const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A zone's short name at an instant ("EST", "CDT", "GMT+1"), as luxon's `ZZZZ` token writes it.
 * Luxon builds a new `Intl.DateTimeFormat` for every such token, which cost each reminder email
 * about 0.3 ms (more than a third of rendering it); this keeps one per zone.
 */
export function shortZoneName(instant: Date, zone: string): string {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' });
    formats.set(zone, format);
  }
  return format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? zone;
}
