import { LoadingPanel } from "@/components/citizen/state-panels";

export default function Loading() {
  return <LoadingPanel />;
}
