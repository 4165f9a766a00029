export * from "./metrics";
export * from "./operation-log.plugin";
