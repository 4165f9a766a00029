#!/usr/bin/env node
// The graph's Kubernetes manifests, printed as one YAML stream to apply:
//   node deploy/kubernetes.mjs [--image NAME:TAG] [--secrets deploy/graph.env] | kubectl apply -f -
// Per process (gateway and the four subgraphs): a Deployment (readiness on /ready, liveness on
// /health, non-root, read-only root file system), a Service, a PodDisruptionBudget and a
// HorizontalPodAutoscaler on CPU. The gateway reads the committed supergraph from a ConfigMap
// built from schema/supergraph.graphql here, so it never goes stale; secrets come from the Secret
// `itsm-secrets`, built from an env file with --secrets (or created by the operator).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { PROCESSES, SUBGRAPHS } from "./processes.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SECRET = "itsm-secrets";
const SUPERGRAPH = "itsm-supergraph";

/** Replicas and resources by process: the figures of docs/scaling.md. */
const SIZING = {
  gateway: { min: 2, max: 10, cpu: "500m", memory: "384Mi", memoryLimit: "768Mi" },
  subgraph: { min: 2, max: 6, cpu: "250m", memory: "256Mi", memoryLimit: "512Mi" },
};

const labelsOf = (name) => ({ "app.kubernetes.io/name": name, "app.kubernetes.io/part-of": "itsm-service-graph" });

function httpProbe(path, port, periodSeconds, failureThreshold) {
  return { httpGet: { path, port }, periodSeconds, timeoutSeconds: 3, failureThreshold };
}

function processObjects(name, image) {
  const { port } = PROCESSES[name];
  const sizing = name === "gateway" ? SIZING.gateway : SIZING.subgraph;
  const labels = labelsOf(name);
  const peers = SUBGRAPHS.map((peer) => ({
    name: `${peer.toUpperCase()}_URL`,
    value: `http://${peer}:${PROCESSES[peer].port}/graphql`,
  }));
  const { nodeOptions } = PROCESSES[name];
  const env = [
    { name: "HOST", value: "0.0.0.0" },
    ...(nodeOptions ? [{ name: "NODE_OPTIONS", value: nodeOptions }] : []),
    { name: name === "gateway" ? "PORT" : `${name.toUpperCase()}_PORT`, value: String(port) },
    ...peers,
    ...(name === "gateway"
      ? [{ name: "SUPERGRAPH_PATH", value: "/etc/itsm/supergraph/supergraph.graphql" }]
      : [{ name: "MIGRATE_ON_START", value: "true" }]),
  ];
  const volumes = [{ name: "tmp", emptyDir: {} }];
  const mounts = [{ name: "tmp", mountPath: "/tmp" }];
  if (name === "gateway") {
    volumes.push({ name: "supergraph", configMap: { name: SUPERGRAPH } });
    mounts.push({ name: "supergraph", mountPath: "/etc/itsm/supergraph", readOnly: true });
  }
  const deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, labels },
    spec: {
      replicas: sizing.min,
      selector: { matchLabels: labels },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels },
        spec: {
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 1000,
            runAsGroup: 1000,
            seccompProfile: { type: "RuntimeDefault" },
          },
          terminationGracePeriodSeconds: 30,
          containers: [
            {
              name,
              image,
              args: [name],
              ports: [{ name: "http", containerPort: port }],
              env,
              envFrom: [{ secretRef: { name: SECRET } }],
              readinessProbe: httpProbe("/ready", "http", 5, 3),
              livenessProbe: { ...httpProbe("/health", "http", 10, 3), initialDelaySeconds: 10 },
              startupProbe: httpProbe("/health", "http", 2, 60),
              resources: {
                requests: { cpu: sizing.cpu, memory: sizing.memory },
                limits: { memory: sizing.memoryLimit },
              },
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                capabilities: { drop: ["ALL"] },
              },
              volumeMounts: mounts,
            },
          ],
          volumes,
        },
      },
    },
  };
  const service = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, labels },
    spec: { selector: labels, ports: [{ name: "http", port, targetPort: "http" }] },
  };
  const budget = {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: { name, labels },
    spec: { minAvailable: 1, selector: { matchLabels: labels } },
  };
  const autoscaler = {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: { name, labels },
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name },
      minReplicas: sizing.min,
      maxReplicas: sizing.max,
      metrics: [
        { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } },
      ],
    },
  };
  return [deployment, service, budget, autoscaler];
}

/** `KEY=value` lines of an env file (comments and blank lines skipped). */
function envFile(path) {
  const entries = readFileSync(path, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const at = line.indexOf("=");
      if (at < 1) throw new Error(`${path}: not KEY=value: ${line}`);
      return [line.slice(0, at), line.slice(at + 1)];
    });
  return Object.fromEntries(entries);
}

/** Every object of the deployment, in apply order. */
export function manifests({ image = "itsm-service-graph:0.1.0", secrets } = {}) {
  const objects = [
    {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: SUPERGRAPH, labels: labelsOf("gateway") },
      data: { "supergraph.graphql": readFileSync(join(root, "schema", "supergraph.graphql"), "utf8") },
    },
  ];
  if (secrets) {
    objects.push({
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: SECRET, labels: { "app.kubernetes.io/part-of": "itsm-service-graph" } },
      type: "Opaque",
      stringData: envFile(secrets),
    });
  }
  for (const name of [...SUBGRAPHS, "gateway"]) objects.push(...processObjects(name, image));
  return objects;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { image: { type: "string" }, secrets: { type: "string" } } });
  process.stdout.write(
    manifests(values)
      .map((object) => stringify(object, { lineWidth: 0 }))
      .join("---\n"),
  );
}
