-- Seed 004 §9.2: the ten slowest traces (root spans) of the last 7 days.
SELECT
  trace_id,
  service_name,
  operation_name,
  duration_ms,
  `timestamp`,
  error_message
FROM `dta-cloud-de-prod.traces.otel_traces`
WHERE publish_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 7 DAY)
  AND `timestamp` >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 7 DAY)
  AND parent_span_id IS NULL
ORDER BY duration_ms DESC
LIMIT 10
