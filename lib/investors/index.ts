export * from "./records";
export * from "./registry";
