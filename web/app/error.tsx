"use client";

import { useTranslations } from "next-intl";
import { ErrorPanel } from "@/components/citizen/state-panels";

/**
 * The branded error page for any page without an error page of its own (the start page,
 * sign-in): inside the root layout, so it has the page's `lang`, the header and a title.
 */
export default function RootError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations();
  return (
    <>
      <title>{`${t("citizen.states.errorTitle")} · ${t("common.site.name")}`}</title>
      <ErrorPanel reset={reset} />
    </>
  );
}
