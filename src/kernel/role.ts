export enum Role {
  Admin = 'admin',
  FrontDesk = 'front_desk',
  Therapist = 'therapist',
}
