/** The selection period this deployment registers for. Its dates are data (seeded, admin-editable). */
export const CURRENT_PERIOD_ID = "CPNS-2023";
