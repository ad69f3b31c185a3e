import { ApiProperty } from '@nestjs/swagger';

/** Where a therapist's new calendar feed is: the token in the path is its only credential. */
export class CalendarFeedPathDto {
  @ApiProperty({
    example: '/calendar-feeds/3q2-7wGxK0s1nZb9dP4yLmR8vTcE6uJhA5oXiQfWkYe.ics',
    pattern: '^/calendar-feeds/[A-Za-z0-9_-]{43}\\.ics$',
    description:
      'Path of the iCalendar feed, relative to the server; subscribe to it from a calendar app. ' +
      'Issuing a new one revokes this',
  })
  path!: string;
}
