-- Seed 004 §9.1 and §9.2: error spans and error rate per service, last 24 hours, held against each service's
-- error rate objective: its own, or the stack's (the view service_objectives).
WITH per_service AS (
  SELECT
    service_name,
    COUNT(*) AS span_count,
    COUNT(DISTINCT trace_id) AS trace_count,
    COUNTIF(status_code = 'ERROR') AS error_span_count,
    COUNT(DISTINCT IF(status_code = 'ERROR', trace_id, NULL)) AS error_trace_count,
    ROUND(SAFE_DIVIDE(COUNTIF(status_code = 'ERROR'), COUNT(*)) * 100, 2) AS error_rate_percent
  FROM `${project}.${dataset}.${spansView}`
  WHERE publish_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 24 HOUR)
    AND `timestamp` >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 24 HOUR)
  GROUP BY service_name
),
stack_objective AS (
  SELECT error_rate_percent
  FROM `${project}.${dataset}.${objectivesView}`
  WHERE service_name IS NULL
)
SELECT
  r.service_name,
  r.span_count,
  r.trace_count,
  r.error_span_count,
  r.error_trace_count,
  r.error_rate_percent,
  COALESCE(o.error_rate_percent, s.error_rate_percent) AS objective_error_rate_percent,
  r.error_rate_percent <= COALESCE(o.error_rate_percent, s.error_rate_percent) AS meets_objective,
  o.team
FROM per_service AS r
CROSS JOIN stack_objective AS s
LEFT JOIN `${project}.${dataset}.${objectivesView}` AS o
  ON o.service_name = r.service_name
