/**
 * Demo clinics, staff and patients. Names of people are invented; towns, states, ZIP codes and
 * time zones are real. Phone numbers use the 555-01xx range reserved for fiction.
 */
export interface DemoLocation {
  code: string;
  name: string;
  /** An invented number on a real street of the town. */
  addressLine1: string;
  city: string;
  state: string;
  postalCode: string;
  timeZone: string;
  phone: string;
}

const NEPA = 'America/New_York';

export const DEMO_LOCATIONS: DemoLocation[] = [
  {
    code: 'carbondale',
    name: 'Carbondale',
    addressLine1: '41 N Main St',
    city: 'Carbondale',
    state: 'PA',
    postalCode: '18407',
    timeZone: NEPA,
    phone: '+1 570-555-0101',
  },
  {
    code: 'factoryville',
    name: 'Factoryville',
    addressLine1: '139 College Ave',
    city: 'Factoryville',
    state: 'PA',
    postalCode: '18419',
    timeZone: NEPA,
    phone: '+1 570-555-0102',
  },
  {
    code: 'kingston',
    name: 'Kingston',
    addressLine1: '562 Wyoming Ave',
    city: 'Kingston',
    state: 'PA',
    postalCode: '18704',
    timeZone: NEPA,
    phone: '+1 570-555-0103',
  },
  {
    code: 'mountain-top',
    name: 'Mountain Top',
    addressLine1: '12 S Main Rd',
    city: 'Mountain Top',
    state: 'PA',
    postalCode: '18707',
    timeZone: NEPA,
    phone: '+1 570-555-0104',
  },
  {
    code: 'nanticoke',
    name: 'Nanticoke',
    addressLine1: '270 E Main St',
    city: 'Nanticoke',
    state: 'PA',
    postalCode: '18634',
    timeZone: NEPA,
    phone: '+1 570-555-0105',
  },
  {
    code: 'pittston',
    name: 'Pittston',
    addressLine1: '45 N Main St',
    city: 'Pittston',
    state: 'PA',
    postalCode: '18640',
    timeZone: NEPA,
    phone: '+1 570-555-0106',
  },
  {
    code: 'scranton',
    name: 'Scranton',
    addressLine1: '401 N Washington Ave',
    city: 'Scranton',
    state: 'PA',
    postalCode: '18503',
    timeZone: NEPA,
    phone: '+1 570-555-0107',
  },
  {
    code: 'trucksville',
    name: 'Trucksville',
    addressLine1: '2170 Memorial Hwy',
    city: 'Trucksville',
    state: 'PA',
    postalCode: '18708',
    timeZone: NEPA,
    phone: '+1 570-555-0108',
  },
  {
    code: 'wilkes-barre',
    name: 'Wilkes-Barre',
    addressLine1: '88 S Franklin St',
    city: 'Wilkes-Barre',
    state: 'PA',
    postalCode: '18701',
    timeZone: NEPA,
    phone: '+1 570-555-0109',
  },
  {
    code: 'south-florida-in-home',
    name: 'South Florida In-Home PT',
    addressLine1: '1401 Forum Way, Suite 210',
    city: 'Boca Raton',
    state: 'FL',
    postalCode: '33431',
    timeZone: 'America/New_York',
    phone: '+1 561-555-0110',
  },
  {
    code: 'plano-spine',
    name: 'Plano Spine Center',
    addressLine1: '4800 W Park Blvd, Suite 300',
    city: 'Plano',
    state: 'TX',
    postalCode: '75024',
    timeZone: 'America/Chicago',
    phone: '+1 972-555-0111',
  },
];

export interface DemoStaff {
  email: string;
  fullName: string;
  role: 'front_desk' | 'therapist';
  locations: string[];
}

export const DEMO_STAFF: DemoStaff[] = [
  {
    email: 'frontdesk.scranton@pt-practice.test',
    fullName: 'Dana Kowalczyk',
    role: 'front_desk',
    locations: ['scranton'],
  },
  {
    email: 'frontdesk.wyoming-valley@pt-practice.test',
    fullName: 'Rob Yanovich',
    role: 'front_desk',
    locations: ['kingston', 'wilkes-barre', 'nanticoke'],
  },
  {
    email: 'frontdesk.plano@pt-practice.test',
    fullName: 'Lupe Garza',
    role: 'front_desk',
    locations: ['plano-spine'],
  },
  {
    email: 'pt.scranton-kingston@pt-practice.test',
    fullName: 'Dr. Erin Walsh, PT, DPT',
    role: 'therapist',
    locations: ['scranton', 'kingston'],
  },
  {
    email: 'pta.pittston@pt-practice.test',
    fullName: 'Marco Rinaldi, PTA',
    role: 'therapist',
    locations: ['pittston', 'wilkes-barre'],
  },
  {
    email: 'pt.in-home@pt-practice.test',
    fullName: 'Dr. Yesenia Ruiz, PT, DPT',
    role: 'therapist',
    locations: ['south-florida-in-home'],
  },
  {
    email: 'pt.plano@pt-practice.test',
    fullName: 'Dr. Caleb Hart, PT, DPT',
    role: 'therapist',
    locations: ['plano-spine'],
  },
];

export const DEMO_STAFF_PASSWORD = 'demo-staff-password';

export interface DemoPatient {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  email: string | null;
  phone: string;
  sex: 'female' | 'male';
  state: string;
  payer: 'medicare' | 'commercial' | 'workers_compensation' | 'auto_pip' | 'self_pay';
  location: string;
}

export const DEMO_PATIENTS: DemoPatient[] = [
  {
    firstName: 'Joseph',
    lastName: 'Mazur',
    dateOfBirth: '1961-03-14',
    email: 'joseph.mazur@example.com',
    phone: '+1 570-555-0142',
    sex: 'male',
    state: 'PA',
    payer: 'medicare',
    location: 'scranton',
  },
  {
    firstName: 'Ann',
    lastName: 'Dougherty',
    dateOfBirth: '1979-11-02',
    email: 'ann.d@example.com',
    phone: '+1 570-555-0143',
    sex: 'female',
    state: 'PA',
    payer: 'commercial',
    location: 'kingston',
  },
  {
    firstName: 'Tyler',
    lastName: 'Brennan',
    dateOfBirth: '1994-07-21',
    email: null,
    phone: '+1 570-555-0144',
    sex: 'male',
    state: 'PA',
    payer: 'workers_compensation',
    location: 'wilkes-barre',
  },
  {
    firstName: 'Rosa',
    lastName: 'Delgado',
    dateOfBirth: '1952-01-30',
    email: 'rosa.delgado@example.com',
    phone: '+1 561-555-0145',
    sex: 'female',
    state: 'FL',
    payer: 'medicare',
    location: 'south-florida-in-home',
  },
  {
    firstName: 'Wesley',
    lastName: 'Tran',
    dateOfBirth: '1970-09-09',
    email: 'w.tran@example.com',
    phone: '+1 972-555-0146',
    sex: 'male',
    state: 'TX',
    payer: 'auto_pip',
    location: 'plano-spine',
  },
];

/** Appointment types the modelled clinics offer; admins edit them as data. */
export const DEMO_APPOINTMENT_TYPES = [
  {
    code: 'initial_evaluation',
    name: 'Initial evaluation',
    durationMinutes: 60,
    bufferAfterMinutes: 0,
    resourceKind: null,
    groupCapacity: 1,
    credentials: ['PT'],
    treatment: true,
    purpose: 'initial_evaluation',
  },
  {
    code: 'follow_up',
    name: 'Follow-up visit',
    durationMinutes: 45,
    bufferAfterMinutes: 0,
    resourceKind: null,
    groupCapacity: 1,
    credentials: ['PT', 'PTA'],
    treatment: true,
    purpose: 'treatment',
  },
  {
    code: 're_evaluation',
    name: 'Re-evaluation',
    durationMinutes: 45,
    bufferAfterMinutes: 0,
    resourceKind: null,
    groupCapacity: 1,
    credentials: ['PT'],
    treatment: true,
    purpose: 're_evaluation',
  },
  {
    code: 'free_pain_assessment',
    name: 'Free pain assessment',
    durationMinutes: 30,
    bufferAfterMinutes: 0,
    resourceKind: null,
    groupCapacity: 1,
    credentials: ['PT'],
    treatment: false,
    purpose: 'first_contact',
  },
  {
    code: 'aquatic_therapy',
    name: 'Aquatic therapy',
    durationMinutes: 45,
    bufferAfterMinutes: 15,
    resourceKind: 'pool',
    groupCapacity: 1,
    credentials: ['PT', 'PTA'],
    treatment: true,
    purpose: 'treatment',
  },
  {
    code: 'in_home_visit',
    name: 'In-home visit',
    durationMinutes: 60,
    bufferAfterMinutes: 30,
    resourceKind: null,
    groupCapacity: 1,
    credentials: ['PT'],
    treatment: true,
    purpose: 'treatment',
  },
  {
    code: 'back_care_workshop',
    name: 'Back care workshop',
    durationMinutes: 90,
    bufferAfterMinutes: 0,
    resourceKind: null,
    groupCapacity: 12,
    credentials: ['PT'],
    treatment: false,
    purpose: 'class',
  },
] as const;

/** Locations with an aquatic pool (capacity 4). */
export const DEMO_POOLS = ['scranton', 'wilkes-barre'];

/** Weekly hours of the demo therapists, per location (ISO weekdays). */
export const DEMO_THERAPIST_HOURS: Record<
  string,
  {
    credential: 'PT' | 'PTA';
    windows: { location: string; weekdays: number[]; starts: string; ends: string }[];
  }
> = {
  'pt.scranton-kingston@pt-practice.test': {
    credential: 'PT',
    windows: [
      { location: 'scranton', weekdays: [1, 3], starts: '08:00', ends: '16:00' },
      { location: 'kingston', weekdays: [2, 4], starts: '08:00', ends: '16:00' },
    ],
  },
  'pta.pittston@pt-practice.test': {
    credential: 'PTA',
    windows: [
      { location: 'pittston', weekdays: [1, 2, 3, 4, 5], starts: '08:00', ends: '12:00' },
      { location: 'wilkes-barre', weekdays: [1, 2, 3, 4, 5], starts: '13:00', ends: '17:00' },
    ],
  },
  'pt.in-home@pt-practice.test': {
    credential: 'PT',
    windows: [
      {
        location: 'south-florida-in-home',
        weekdays: [1, 2, 3, 4, 5],
        starts: '08:00',
        ends: '17:00',
      },
    ],
  },
  'pt.plano@pt-practice.test': {
    credential: 'PT',
    windows: [
      { location: 'plano-spine', weekdays: [1, 2, 3, 4, 5], starts: '08:00', ends: '17:00' },
    ],
  },
};
