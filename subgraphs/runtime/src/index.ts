export * from "./config";
export * from "./errors";
export * from "./log";
export * from "./process";
export * from "./auth";
export * from "./http";
export * from "./observability";
export * from "./selections";
