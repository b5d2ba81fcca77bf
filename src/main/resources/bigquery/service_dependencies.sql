-- Seed 004 §9.2 and §11.2: calls from one service to another (a child span of a different service),
-- with mean duration and failure rate, last 24 hours.
WITH recent_spans AS (
  SELECT
    trace_id,
    span_id,
    parent_span_id,
    service_name,
    duration_ms,
    status_code
  FROM `${project}.${dataset}.${spansView}`
  WHERE publish_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 24 HOUR)
    AND `timestamp` >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 24 HOUR)
),
service_calls AS (
  SELECT
    caller.service_name AS caller_service,
    callee.service_name AS called_service,
    callee.duration_ms AS call_duration_ms,
    callee.status_code AS call_status_code
  FROM recent_spans AS caller
  JOIN recent_spans AS callee
    ON caller.trace_id = callee.trace_id
    AND caller.span_id = callee.parent_span_id
  WHERE caller.service_name != callee.service_name
)
SELECT
  caller_service,
  called_service,
  COUNT(*) AS call_count,
  ROUND(AVG(call_duration_ms), 2) AS avg_call_duration_ms,
  COUNTIF(call_status_code = 'ERROR') AS failed_calls,
  ROUND(SAFE_DIVIDE(COUNTIF(call_status_code = 'ERROR'), COUNT(*)) * 100, 2) AS failure_rate_percent,
  CASE
    WHEN SAFE_DIVIDE(COUNTIF(call_status_code = 'ERROR'), COUNT(*)) > 0.1 THEN 'CRITICAL'
    WHEN SAFE_DIVIDE(COUNTIF(call_status_code = 'ERROR'), COUNT(*)) > 0.05 THEN 'WARNING'
    WHEN SAFE_DIVIDE(COUNTIF(call_status_code = 'ERROR'), COUNT(*)) > 0.01 THEN 'WATCH'
    ELSE 'HEALTHY'
  END AS health_status
FROM service_calls
GROUP BY caller_service, called_service
