/** A staff member's full name (a report's row label), or null. Caller binds the user id. */
export function staffNameSql(user: string): string {
  return `(SELECT staff.full_name FROM users staff WHERE staff.id = ${user})`;
}
