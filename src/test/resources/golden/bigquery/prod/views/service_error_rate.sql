-- Seed 004 §9.1 and §9.2: error spans and error rate per service, last 24 hours.
SELECT
  service_name,
  COUNT(*) AS span_count,
  COUNT(DISTINCT trace_id) AS trace_count,
  COUNTIF(status_code = 'ERROR') AS error_span_count,
  COUNT(DISTINCT IF(status_code = 'ERROR', trace_id, NULL)) AS error_trace_count,
  ROUND(SAFE_DIVIDE(COUNTIF(status_code = 'ERROR'), COUNT(*)) * 100, 2) AS error_rate_percent
FROM `dta-cloud-de-prod.traces.otel_traces`
WHERE publish_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 24 HOUR)
  AND `timestamp` >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 24 HOUR)
GROUP BY service_name
