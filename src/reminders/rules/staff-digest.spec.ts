import { composeDigest, digestDateAt } from './staff-digest';

describe('when the staff digest is due', () => {
  it.each([
    ['2026-12-07T11:59:00Z', 'America/New_York', null], // 06:59 in Scranton
    ['2026-12-07T12:00:00Z', 'America/New_York', '2026-12-07'], // 07:00
    ['2026-12-08T04:30:00Z', 'America/New_York', '2026-12-07'], // 23:30 the same local day
    ['2026-12-07T12:59:00Z', 'America/Chicago', null], // 06:59 in Plano
    ['2026-12-07T07:00:00Z', 'Europe/Dublin', '2026-12-07'],
    ['2026-07-07T06:00:00Z', 'Europe/Dublin', '2026-07-07'], // 07:00 IST in summer
    ['2026-07-07T05:59:00Z', 'Europe/Dublin', null],
  ])('at %s in %s: %s', (now, zone, date) => {
    expect(digestDateAt(new Date(now), zone)).toBe(date);
  });
});

describe('the digest email', () => {
  const tasks = [
    {
      code: 'referral_required',
      text: 'A referral or signed plan is needed',
      dueOn: null,
      overdue: true,
      patient: { firstName: 'Dana', lastName: 'Kowalski' },
    },
    {
      code: 'notify_physician',
      text: 'Notify the patient’s physician',
      dueOn: '2026-12-10',
      overdue: false,
      patient: { firstName: 'Ann', lastName: '<Dougherty>' },
    },
  ];
  const digest = composeDigest(
    { fullName: 'Lee Front' },
    { name: 'Scranton' },
    '2026-12-07',
    tasks,
    'https://pt.example/tasks',
  );

  it('says how many, how many overdue, where and when', () => {
    expect(digest.subject).toBe('Scranton: 2 direct-access tasks for 2026-12-07 (1 overdue)');
  });

  it('lists each task with the patient and its date, escaping names in HTML', () => {
    expect(digest.text).toContain('- Dana Kowalski: A referral or signed plan is needed (now)');
    expect(digest.text).toContain(
      '- Ann <Dougherty>: Notify the patient’s physician (by 2026-12-10)',
    );
    expect(digest.html).toContain('Ann &#60;Dougherty&#62;');
    expect(digest.html).not.toContain('<Dougherty>');
  });
});
