export * from "./activities";
export * from "./application";
export * from "./departments";
export * from "./records";
export * from "./services";
export * from "./submit-application";
