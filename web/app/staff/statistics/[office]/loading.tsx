import { LoadingState } from "@/components/staff/loading-state";

export default LoadingState;
