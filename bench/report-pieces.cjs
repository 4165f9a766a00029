// Times the report's pieces on a seeded DATA_DIR without the graph (profiling harness; not committed).
require("reflect-metadata");
const { performance } = require("node:perf_hooks");
const W = "/work/wt-perf13/subgraphs";
const { DataSource } = require("/work/wt-perf13/node_modules/typeorm");
const { agreementEntities } = require(`${W}/agreements/dist/entities.js`);
const { CatalogueService } = require(`${W}/agreements/dist/catalogue/catalogue.service.js`);
const { operationsEntities } = require(`${W}/operations/dist/entities.js`);
const { Catalogue } = require(`${W}/operations/dist/catalogue/catalogue.model.js`);
const { compileCalendar, parsePeriod } = require(`${W}/service-hours/dist/index.js`);
const { PerformanceService } = require(`${W}/operations/dist/performance/performance.service.js`);
const { PerformanceQueries } = require(`${W}/operations/dist/performance/performance.queries.js`);
const { IncidentClockService } = require(`${W}/operations/dist/incidents/incident-clock.service.js`);
const { Transactor } = require(`${W}/kit/dist/index.js`);
const dir = process.env.DATA_DIR;
const ds = (name, entities) =>
  new DataSource({
    type: "better-sqlite3",
    database: `${dir}/${name}.sqlite`,
    entities,
    synchronize: false,
    enableWAL: true,
  });
(async () => {
  const t = (label, t0) =>
    console.log(
      label,
      Math.round(performance.now() - t0),
      "ms",
      "rss",
      Math.round(process.memoryUsage().rss / 1e6),
      "MB",
    );
  const a = await ds("agreements", agreementEntities).initialize();
  let t0 = performance.now();
  const answer = await new CatalogueService(a).read();
  t("catalogue read", t0);
  t0 = performance.now();
  const json = JSON.stringify(answer);
  t(`json ${json.length}`, t0);
  const calendars = new Map(answer.calendars.map((c) => [c.id, { calendar: c, compiled: compileCalendar(c) }]));
  const catalogue = new Catalogue(answer.revision, calendars, JSON.parse(json).targets);
  const o = await ds("operations", operationsEntities).initialize();
  const clocks = new IncidentClockService(o, new Transactor(o));
  if (process.env.NO_ENSURE) clocks.ensure = async () => {};
  const svc = new PerformanceService(new PerformanceQueries(o), clocks, () => new Date());
  const period = parsePeriod(process.env.PERIOD || "2026-11");
  const { inForceDuring } = require(`${W}/operations/dist/performance/performance.service.js`);
  const targets = catalogue.allTargets
    .filter((x) => inForceDuring(x, period))
    .slice(0, Number(process.env.LIMIT || 1e9));
  console.log("targets", targets.length);
  t0 = performance.now();
  const results = await svc.compute(catalogue, targets, period, { kind: "staff" }, null);
  t("compute", t0);
  const by = {};
  for (const r of results) by[r.performance.status] = (by[r.performance.status] ?? 0) + 1;
  console.log(by);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
