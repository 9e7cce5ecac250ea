/**
 * The national immunisation schedule (the part this system tracks): each dose is due this
 * many days after birth. A public standard, known to the Health Commission's system and
 * to our connector alike.
 */
export const IMMUNISATION_SCHEDULE = [
  { vaccine: "HepB", doseNo: 1, dueDays: 0 },
  { vaccine: "BCG", doseNo: 1, dueDays: 0 },
  { vaccine: "HepB", doseNo: 2, dueDays: 30 },
  { vaccine: "IPV", doseNo: 1, dueDays: 60 },
  { vaccine: "DTaP", doseNo: 1, dueDays: 90 },
  { vaccine: "HepB", doseNo: 3, dueDays: 180 },
  { vaccine: "MMR", doseNo: 1, dueDays: 240 },
  { vaccine: "JE", doseNo: 1, dueDays: 240 },
  { vaccine: "DTaP", doseNo: 4, dueDays: 540 },
  { vaccine: "MMR", doseNo: 2, dueDays: 540 },
] as const;
