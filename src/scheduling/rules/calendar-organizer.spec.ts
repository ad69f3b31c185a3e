import { calendarOrganizer } from './calendar-organizer';

describe('calendarOrganizer', () => {
  it.each<[string, string, { name: string; email: string }]>([
    [
      'Scranton Spine & Sport',
      '"PT Practice" <front@scranton.example>',
      { name: 'Scranton Spine & Sport', email: 'front@scranton.example' },
    ],
    [
      'Kingston',
      'PT Practice <front@kingston.example>',
      { name: 'Kingston', email: 'front@kingston.example' },
    ],
    ['Kingston', 'front@kingston.example', { name: 'Kingston', email: 'front@kingston.example' }],
    [
      'Kingston',
      '  front@kingston.example ',
      { name: 'Kingston', email: 'front@kingston.example' },
    ],
    // Commas, semicolons and colons are fine inside the quoted CN; DQUOTE and controls are not.
    [
      'O\'Neil, "Best" PT; Spine: Sport',
      'front@oneil.example',
      { name: "O'Neil, Best PT; Spine: Sport", email: 'front@oneil.example' },
    ],
    [
      'Dunmore\r\nPT\t',
      'front@dunmore.example',
      { name: 'DunmorePT', email: 'front@dunmore.example' },
    ],
  ])('%j from %j', (clinicName, from, expected) => {
    expect(calendarOrganizer(clinicName, from)).toEqual(expected);
  });
});
