import type { ReactNode } from "react";
import { requireSharedData } from "@/server/ledger/require-shared-data";

// The access check runs here, before anything streams, so a refusal answers 404.
export default async function SharedDataLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ office: string }>;
}) {
  await requireSharedData((await params).office);
  return children;
}
