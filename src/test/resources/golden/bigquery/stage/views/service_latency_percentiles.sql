-- Seed 004 §6.1 end-to-end latency SLI: P50 and P95 of root-span durations per service, last hour.
-- A root span lasts as long as its whole trace, so its duration is the trace's end-to-end latency.
WITH root_traces AS (
  SELECT
    trace_id,
    service_name,
    duration_ms AS total_latency_ms
  FROM `dta-cloud-de-stage.traces.otel_traces`
  WHERE publish_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 1 HOUR)
    AND `timestamp` >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 1 HOUR)
    AND parent_span_id IS NULL
)
SELECT DISTINCT
  service_name,
  PERCENTILE_CONT(total_latency_ms, 0.5) OVER (PARTITION BY service_name) AS p50_latency_ms,
  PERCENTILE_CONT(total_latency_ms, 0.95) OVER (PARTITION BY service_name) AS p95_latency_ms,
  COUNT(*) OVER (PARTITION BY service_name) AS trace_count
FROM root_traces
