/** Patterns request DTOs validate against, so that every route reads dates and times alike. */

/** A calendar date as `YYYY-MM-DD` (whether it exists is checked where it is used). */
export const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A wall-clock time of day as `HH:mm`, 00:00 to 23:59. */
export const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
