"use client";

import { ErrorPanel } from "@/components/citizen/state-panels";

export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel reset={reset} />;
}
