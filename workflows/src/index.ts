// Everything the worker bundles as workflow code. Deterministic code only.
export { applicationWorkflow } from "./application-workflow";
export { departmentHealthWorkflow } from "./department-health";
export { reconcileWorkflow } from "./reconcile-workflow";
export { minorChildrenWorkflow } from "./minor-children-workflow";
