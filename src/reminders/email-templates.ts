import Handlebars from 'handlebars';
import type { NotificationKind } from './rules/notification-plan';

/**
 * The words of every email, as Handlebars templates (HTML-escaped by default in the HTML part).
 * Minimum necessary (HIPAA 164.502(b)): clinic, date, time, address and phone only; never the
 * visit type, a diagnosis or any clinical detail, since email is read on shared screens and
 * lock screens. The one exception is the home exercise programme, which a therapist sends on
 * purpose to a patient who agreed to email: its exercises, doses and precautions are what it is
 * for, and it still names no diagnosis and no condition, not even in its subject.
 */
interface KindTemplates {
  subject: string;
  /** Paragraphs, shared by the text and the HTML part. */
  paragraphs: string[];
}

const WHEN = '{{localDate}} at {{localTime}}';

const KINDS: Record<NotificationKind, KindTemplates> = {
  appointment_confirmation: {
    subject: 'Your appointment at {{clinicName}} on {{localDateShort}}',
    paragraphs: [
      `Your appointment is booked for ${WHEN}.`,
      '{{#if seriesVisits}}It is the first of {{seriesVisits.length}} visits:{{#each seriesVisits}}\n- {{this}}{{/each}}{{/if}}',
      'Please arrive 10 minutes early. The attached calendar file adds it to your calendar.',
      'To change or cancel, call us at {{clinicPhone}}.',
    ],
  },
  appointment_reminder: {
    subject: 'Reminder: your appointment {{localDateShort}} at {{localTime}}',
    paragraphs: [
      `This is a reminder of your appointment at {{clinicName}} on ${WHEN}.`,
      'If you cannot make it, please call us at {{clinicPhone}} so we can offer the time to someone else.',
    ],
  },
  appointment_cancellation: {
    // The date in the subject tells apart the emails of a series cancelled visit by visit.
    subject: 'Cancelled: your appointment at {{clinicName}} on {{localDateShort}}',
    paragraphs: [
      `Your appointment on ${WHEN} is cancelled.`,
      'The attached calendar file removes it from your calendar.',
      'To book a new time, call us at {{clinicPhone}}.',
    ],
  },
  follow_up: {
    subject: 'How are you feeling?',
    paragraphs: [
      'Thank you for visiting {{clinicName}}. We hope you are feeling better.',
      'Keep up with the home exercises your therapist gave you: a few minutes a day makes a difference.',
      'If anything has changed or you have questions, call us at {{clinicPhone}}.',
    ],
  },
  no_show_rebook: {
    subject: 'We missed you today',
    paragraphs: [
      `We missed you at your appointment on ${WHEN}.`,
      'Staying on schedule helps your recovery. Call us at {{clinicPhone}} and we will find a new time that suits you.',
    ],
  },
  late_cancel_rebook: {
    subject: "Let's find a new time",
    paragraphs: [
      `Your appointment on ${WHEN} was cancelled.`,
      'Call us at {{clinicPhone}} and we will book a new time that suits you.',
      'The attached calendar file removes the cancelled time from your calendar.',
    ],
  },
  waitlist_offer: {
    subject: 'An appointment time opened up at {{clinicName}}',
    paragraphs: [
      `A time you were waiting for is free: ${WHEN}.`,
      'We are holding it for you until {{offerExpiresLocal}}. To take it, open this link: {{acceptUrl}}',
      'Or call us at {{clinicPhone}}. If the time does not suit you, do nothing: you stay on the waiting list.',
    ],
  },
  discharge_check_in: {
    subject: 'Checking in from {{clinicName}}',
    paragraphs: [
      'It has been a month since you finished your care with us. We hope you are doing well.',
      'If anything has come back or you have questions, call us at {{clinicPhone}}.',
    ],
  },
  home_exercise_programme: {
    subject: 'Your home exercise programme from {{clinicName}}',
    paragraphs: [
      '{{#if therapist}}{{therapist}} has{{else}}Your therapist has{{/if}} put together these exercises for you to do at home. They are also in the attached PDF, to print or keep on your phone.',
      '{{#each exercises}}{{this}}{{#unless @last}}\n\n{{/unless}}{{/each}}',
      'Move slowly and breathe normally. Stop if anything hurts more than usual, and tell us at your next visit.',
      'Questions about your exercises? Call us at {{clinicPhone}}.',
    ],
  },
};

/** Our own Handlebars environment, so its helper cannot clash with any other template user. */
const templates = Handlebars.create();
// A paragraph's line breaks (the visits of a series) become <br> in HTML, after escaping.
templates.registerHelper(
  'lines',
  (text: string) =>
    new templates.SafeString(templates.escapeExpression(text).replace(/\n/g, '<br>')),
);

const TEXT_LAYOUT = templates.compile(
  `Hi {{firstName}},

{{#each paragraphs}}{{this}}

{{/each}}{{clinicName}}
{{#each clinicAddress}}{{this}}
{{/each}}{{clinicPhone}}

You get this email because you agreed to email from {{clinicName}}.
Unsubscribe: {{unsubscribeUrl}}
`,
  { noEscape: true },
);

const HTML_LAYOUT = templates.compile(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{subject}}</title></head>
<body style="font-family: Arial, sans-serif; color: #222; max-width: 560px">
<p>Hi {{firstName}},</p>
{{#each paragraphs}}<p>{{lines this}}</p>
{{/each}}<p style="color: #555">{{clinicName}}<br>{{#each clinicAddress}}{{this}}<br>{{/each}}{{clinicPhone}}</p>
<p style="font-size: 12px; color: #777">You get this email because you agreed to email from {{clinicName}}.
<a href="{{unsubscribeUrl}}">Unsubscribe</a></p>
</body></html>
`);

export interface TemplateValues {
  firstName: string;
  clinicName: string;
  clinicAddress: string[];
  clinicPhone: string;
  localDate?: string;
  localDateShort?: string;
  localTime?: string;
  offerExpiresLocal?: string;
  acceptUrl?: string;
  /** The visits of a series, as local dates and times, when a confirmation covers several. */
  seriesVisits?: string[];
  /** A home exercise programme: who prescribed it, and each exercise as lines of text. */
  therapist?: string | null;
  exercises?: string[];
  unsubscribeUrl: string;
}

const compiled = Object.fromEntries(
  Object.entries(KINDS).map(([kind, kindTemplates]) => [
    kind,
    {
      subject: templates.compile(kindTemplates.subject, { noEscape: true }),
      paragraphs: kindTemplates.paragraphs.map((paragraph) =>
        templates.compile(paragraph, { noEscape: true }),
      ),
    },
  ]),
) as Record<
  NotificationKind,
  { subject: Handlebars.TemplateDelegate; paragraphs: Handlebars.TemplateDelegate[] }
>;

/** Subject, plain-text and HTML bodies of one email. */
export function renderEmail(
  kind: NotificationKind,
  values: TemplateValues,
): { subject: string; text: string; html: string } {
  const forKind = compiled[kind];
  const subject = forKind.subject(values);
  // Paragraphs are filled unescaped once; the HTML layout escapes them as it inserts them. A
  // paragraph that only applies sometimes (the visits of a series) renders empty otherwise.
  const paragraphs = forKind.paragraphs
    .map((paragraph) => paragraph(values))
    .filter((paragraph) => paragraph !== '');
  return {
    subject,
    text: TEXT_LAYOUT({ ...values, paragraphs }),
    html: HTML_LAYOUT({ ...values, subject, paragraphs }),
  };
}
