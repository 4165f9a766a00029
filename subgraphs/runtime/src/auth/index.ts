export * from "./identity";
export * from "./roles";
