/** The three roles of the contract; only admins manage users, settings and configuration lists. */
export const USER_ROLES = ['admin', 'manager', 'salesperson'] as const;
export type UserRole = (typeof USER_ROLES)[number];
