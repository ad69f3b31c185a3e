/**
 * The home exercise programme email and its PDF, from the facts the delivery reads: what the
 * patient reads in the text, the HTML and the attached file (read back with pdf-parse).
 */
import { pdfText } from '../../test/support/pdf-text';
import { TEMPLATE_LIBRARY } from '../plans/rules/template-library';
import { composeEmail, type EmailFacts } from './email-composer';
import { HomeProgrammeDocuments } from '../plans/home-programme-documents.service';
import { exerciseLines, homeProgrammeSheet } from '../plans/rules/home-programme-sheet';

const documents = new HomeProgrammeDocuments();

const facts = (overrides: Partial<EmailFacts> = {}): EmailFacts => ({
  notificationId: 'notification-1',
  version: 1,
  kind: 'home_exercise_programme',
  patientId: 'patient-1',
  firstName: 'Dana',
  email: 'dana@patients.example',
  clinicName: 'Scranton Spine & Sport',
  clinicAddress: ['120 Wyoming Ave', 'Scranton, PA 18503'],
  clinicPhone: '570-555-0142',
  timeZone: 'America/New_York',
  appointmentId: null,
  waitlistEntryId: null,
  startsAt: null,
  endsAt: null,
  moves: 0,
  seriesVisits: [],
  offerExpiresAt: null,
  therapistName: 'Pat Therapist',
  therapistCredential: 'PT',
  // 02:30 UTC is still the evening before in Scranton.
  programmeIssuedAt: new Date('2026-12-02T02:30:00Z'),
  exercises: TEMPLATE_LIBRARY[0].interventions.filter(
    (intervention) => intervention.category === 'home_exercise_programme',
  ),
  ...overrides,
});

describe('the home exercise programme sheet', () => {
  it('names the patient, clinic, therapist and the programme’s date at the clinic', () => {
    const sheet = homeProgrammeSheet(facts());
    expect(sheet).toMatchObject({
      title: 'Your home exercise programme',
      firstName: 'Dana',
      clinicName: 'Scranton Spine & Sport',
      therapist: 'Pat Therapist, PT',
      date: 'December 1, 2026',
    });
    expect(sheet.exercises.map((exercise) => exercise.name)).toEqual([
      'Knee-to-chest stretch',
      'Gentle trunk rotation',
      'Cat-cow',
      'Child’s pose',
      'Pelvic tilts',
    ]);
    expect(homeProgrammeSheet(facts({ therapistName: null })).therapist).toBeNull();
    expect(homeProgrammeSheet(facts({ therapistCredential: null })).therapist).toBe(
      'Pat Therapist',
    );
  });

  it('words an exercise as numbered lines: dose and how often, when, what to take care of', () => {
    const [first] = homeProgrammeSheet(facts()).exercises;
    expect(exerciseLines(first, 0)).toEqual([
      '1. Knee-to-chest stretch',
      '3 repetitions, hold each 30 seconds. Twice a day.',
      'Take care: Stop if pain increases or spreads to the leg.',
    ]);
    expect(
      exerciseLines(
        { name: 'Walk', dose: null, howOften: 'Once a day', when: 'From week 2', precautions: [] },
        4,
      ),
    ).toEqual(['5. Walk', 'Once a day.', 'From week 2']);
  });
});

describe('the home exercise programme email', () => {
  const email = composeEmail(facts(), {
    from: '"PT Practice" <front@scranton.example>',
    unsubscribeUrl: 'https://pt.example/u?token=t',
  });

  it('lists every exercise with its dose, how often and precautions, and the clinic’s phone', () => {
    expect(email.subject).toBe('Your home exercise programme from Scranton Spine & Sport');
    expect(email.text).toContain('Hi Dana,');
    expect(email.text).toContain('Pat Therapist, PT has put together these exercises');
    expect(email.text).toContain(
      '5. Pelvic tilts\n2 sets of 10 repetitions, hold each 5 seconds. Twice a day.\nTake care: Stop if pain increases or spreads to the leg.',
    );
    expect(email.text).toContain('Call us at 570-555-0142.');
    expect(email.html).toContain('1. Knee-to-chest stretch<br>3 repetitions, hold each 30 seconds');
    expect(email.html).toContain('Scranton Spine &amp; Sport');
    expect(email.calendar).toBeUndefined();
  });
});

describe('the home exercise programme PDF', () => {
  it('is the same file for the same programme', async () => {
    const sheet = homeProgrammeSheet(facts());
    const [first, second] = await Promise.all([documents.pdf(sheet), documents.pdf(sheet)]);
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(first.equals(second)).toBe(true);
  });

  it('reads as the programme: patient, clinic, therapist, date, each exercise and precaution', async () => {
    const text = await pdfText(await documents.pdf(homeProgrammeSheet(facts())));
    const lines = text.split('\n').map((line) => line.trim());
    expect(lines).toEqual(
      expect.arrayContaining([
        'Your home exercise programme',
        'For Dana, from Scranton Spine & Sport',
        'Your therapist: Pat Therapist, PT',
        'Date: December 1, 2026',
        '1. Knee-to-chest stretch',
        'Dose: 3 repetitions, hold each 30 seconds',
        'How often: Twice a day',
        '4. Child’s pose',
        '5. Pelvic tilts',
        'Dose: 2 sets of 10 repetitions, hold each 5 seconds',
        'Questions? Call Scranton Spine & Sport at 570-555-0142.',
      ]),
    );
    expect(lines.filter((line) => line.startsWith('Take care: Stop if pain'))).toHaveLength(5);
  });
});
