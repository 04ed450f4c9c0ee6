/** How often an assignee reports (API.md): none, or each month, quarter, half year or year. */
export enum Cadence {
  NONE = 'NONE',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  HALF_YEARLY = 'HALF_YEARLY',
  YEARLY = 'YEARLY',
}

/** The reader says CONTINUOUS for "thường xuyên": continuous work reports each quarter unless set otherwise. */
export function cadenceFromReading(reading: string | null | undefined): Cadence {
  switch (reading) {
    case 'MONTHLY':
      return Cadence.MONTHLY;
    case 'QUARTERLY':
    case 'CONTINUOUS':
      return Cadence.QUARTERLY;
    case 'HALF_YEARLY':
      return Cadence.HALF_YEARLY;
    case 'YEARLY':
      return Cadence.YEARLY;
    case null:
    case undefined:
      return Cadence.NONE;
    default:
      return Cadence.NONE;
  }
}
