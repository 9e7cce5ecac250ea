import type { Db } from "@visit-once/prisma";
import { mandateStanding } from "@visit-once/workflows/contracts";
import { authorise } from "../access/authorise";
import type { Actor } from "../access/policy";
import { db as defaultDb } from "../db";

export type MandateState = "active" | "revoked" | "expired";

export interface MandateView {
  id: string;
  source: "PORTAL" | "NOTARISED";
  grantorName: string;
  granteeName: string;
  services: string[];
  expiresOn: string;
  createdAt: string;
  revokedAt: string | null;
  notarialCertificateNo: string | null;
  state: MandateState;
  /** Whether the reader may revoke it here. */
  revocable: boolean;
}

type Row = {
  id: string;
  source: "PORTAL" | "NOTARISED";
  grantorId: string | null;
  grantorName: string;
  granteeName: string;
  services: string[];
  expiresOn: string;
  createdAt: Date;
  revokedAt: Date | null;
  notarialCertificateNo: string | null;
};

const SELECT = {
  id: true,
  source: true,
  grantorId: true,
  grantorName: true,
  granteeName: true,
  services: true,
  expiresOn: true,
  createdAt: true,
  revokedAt: true,
  notarialCertificateNo: true,
} as const;

function view(m: Row, revocable: boolean, now: Date): MandateView {
  const standing = mandateStanding(m, now);
  const state: MandateState = standing.ok ? "active" : standing.reason === "revoked" ? "revoked" : "expired";
  return {
    id: m.id,
    source: m.source,
    grantorName: m.grantorName,
    granteeName: m.granteeName,
    services: m.services,
    expiresOn: m.expiresOn,
    createdAt: m.createdAt.toISOString(),
    revokedAt: m.revokedAt?.toISOString() ?? null,
    notarialCertificateNo: m.notarialCertificateNo,
    state,
    revocable: revocable && state === "active",
  };
}

/** A citizen's mandates: those she granted (in the portal, or on a notarised paper naming her), and those granted to her. */
export async function listMyMandates(
  userId: string,
  db: Db = defaultDb(),
  now = new Date(),
): Promise<{ granted: MandateView[]; received: MandateView[] }> {
  const me = await db.user.findUnique({ where: { id: userId }, select: { nationalIdIndex: true } });
  if (!me?.nationalIdIndex) return { granted: [], received: [] };
  const [granted, received] = await Promise.all([
    db.mandate.findMany({
      where: { OR: [{ grantorId: userId }, { grantorIndex: me.nationalIdIndex }] },
      select: SELECT,
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
    db.mandate.findMany({
      where: { granteeIndex: me.nationalIdIndex },
      select: SELECT,
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
  ]);
  return {
    granted: granted.map((m) => view(m, m.grantorId === userId, now)),
    received: received.map((m) => view(m, false, now)),
  };
}

/** The notarised mandates caseworkers registered, newest first (for the counter's page); null when the reader may not see them. */
export async function listNotarisedMandates(
  actor: Actor,
  db: Db = defaultDb(),
  now = new Date(),
): Promise<MandateView[] | null> {
  if (!(await authorise(actor, "list", { kind: "queue", name: "mandates" }, "queue:mandates", db)).allowed) return null;
  const rows = await db.mandate.findMany({
    where: { source: "NOTARISED" },
    select: SELECT,
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return rows.map((m) => view(m, true, now));
}
