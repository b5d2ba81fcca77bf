-- Seed 004 §6.1 end-to-end latency SLI: P50 and P95 of root-span durations per service, last hour.
-- A root span lasts as long as its whole trace, so its duration is the trace's end-to-end latency.
-- Each service's P95 is held against its objective: its own, or the stack's (the view service_objectives).
WITH root_traces AS (
  SELECT
    trace_id,
    service_name,
    duration_ms AS total_latency_ms
  FROM `dta-cloud-de-prod.traces.otel_traces`
  WHERE publish_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 1 HOUR)
    AND `timestamp` >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 1 HOUR)
    AND parent_span_id IS NULL
),
percentiles AS (
  SELECT DISTINCT
    service_name,
    PERCENTILE_CONT(total_latency_ms, 0.5) OVER (PARTITION BY service_name) AS p50_latency_ms,
    PERCENTILE_CONT(total_latency_ms, 0.95) OVER (PARTITION BY service_name) AS p95_latency_ms,
    COUNT(*) OVER (PARTITION BY service_name) AS trace_count
  FROM root_traces
),
stack_objective AS (
  SELECT latency_p95_ms
  FROM `dta-cloud-de-prod.traces.service_objectives`
  WHERE service_name IS NULL
)
SELECT
  p.service_name,
  p.p50_latency_ms,
  p.p95_latency_ms,
  p.trace_count,
  COALESCE(o.latency_p95_ms, s.latency_p95_ms) AS objective_p95_ms,
  p.p95_latency_ms <= COALESCE(o.latency_p95_ms, s.latency_p95_ms) AS meets_objective,
  o.team
FROM percentiles AS p
CROSS JOIN stack_objective AS s
LEFT JOIN `dta-cloud-de-prod.traces.service_objectives` AS o
  ON o.service_name = p.service_name
