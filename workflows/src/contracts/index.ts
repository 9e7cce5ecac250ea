export * from "./activities";
export * from "./application";
export * from "./catalogue";
export * from "./departments";
export * from "./harmonisation";
export * from "./records";
export * from "./services";
export * from "./submit-application";
