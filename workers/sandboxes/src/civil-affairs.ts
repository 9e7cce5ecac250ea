import type { SandboxDefinition } from "./sandbox-server";
import { type Population, marriageAt, personAt } from "./population";
import { civilAffairsCorrection } from "./corrections/civil-affairs";

export const PAGE_SIZE = 2;

/**
 * Civil Affairs marriage registry. Native contract: paged CSV, registration dates as epoch
 * milliseconds, marital status as GB/T 2261.2 codes (20 married, 40 divorced).
 *   GET /hygl/marriages.csv?sfzh={id}&page={n}   header Authorization: Bearer {token}
 *   response header X-Total-Pages
 */
export function civilAffairsSandbox(population: Population): SandboxDefinition {
  const byPerson = new Map<string, Population["marriages"]>();
  for (const m of population.marriages) {
    for (const id of [m.husbandId, m.wifeId]) byPerson.set(id, [...(byPerson.get(id) ?? []), m]);
  }
  return {
    code: "civil-affairs",
    correction: civilAffairsCorrection,
    credential: (req) => /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1],
    handle(url) {
      if (url.pathname !== "/hygl/marriages.csv") return { status: 404, contentType: "text/plain", body: "not found" };
      const id = url.searchParams.get("sfzh");
      const page = Number(url.searchParams.get("page") ?? "1");
      if (!id || !Number.isInteger(page) || page < 1)
        return { status: 400, contentType: "text/plain", body: "sfzh and page are required" };
      // A person Civil Affairs has no record of has no marriages here, whatever the truth.
      const all = personAt(population, "civil-affairs", id)
        ? (byPerson.get(id) ?? []).map((m) => marriageAt(population, m))
        : [];
      const rows = all
        .slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
        .map((m) =>
          [
            m.registrationNo,
            m.husbandId,
            m.wifeId,
            Date.parse(`${m.registeredOn}T00:00:00+08:00`),
            m.status === "married" ? "20" : "40",
          ].join(","),
        );
      const totalPages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
      return {
        status: 200,
        contentType: "text/csv; charset=utf-8",
        headers: { "x-total-pages": String(totalPages) },
        body: ["DJZH,NF_SFZH,NV_SFZH,DJRQ_MS,HYZK", ...rows].join("\n") + "\n",
      };
    },
  };
}
