/** Families needed for about this many citizens (2.4 people a family on average). */
export function familiesForCitizens(citizens: number): number {
  return Math.max(4, Math.ceil(citizens / 2.4));
}
