/** The three roles of the contract; only admins manage users, settings and configuration lists. */
export const USER_ROLES = ['admin', 'manager', 'salesperson'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Admins and managers see and set everyone's objectives and figures; a salesperson their own and their teams'. */
export function isManagerOrAdmin(role: UserRole): boolean {
  return role === 'admin' || role === 'manager';
}
