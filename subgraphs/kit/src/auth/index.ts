export * from "./identity";
export * from "./authorization";
