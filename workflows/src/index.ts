// Everything the worker bundles as workflow code. Deterministic code only.
export { applicationWorkflow } from "./application-workflow";
