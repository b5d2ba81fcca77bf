-- Seed 004 §9.3 monthly review: traces, spans, spans per trace and error share per environment over the
-- last 730 hours, the month the price book bills by. `spans` counts what reached BigQuery, after sampling:
-- it is the N of `./tracestack cost <stack> --spans-per-month N`. Error shares are after sampling too, so
-- they overstate the share before sampling wherever errors are kept at a higher rate than other traces.
SELECT
  environment,
  COUNT(DISTINCT trace_id) AS traces,
  COUNT(*) AS spans,
  ROUND(SAFE_DIVIDE(COUNT(*), COUNT(DISTINCT trace_id)), 2) AS spans_per_trace,
  COUNTIF(status_code = 'ERROR') AS error_spans,
  COUNT(DISTINCT IF(status_code = 'ERROR', trace_id, NULL)) AS error_traces,
  ROUND(SAFE_DIVIDE(COUNT(DISTINCT IF(status_code = 'ERROR', trace_id, NULL)), COUNT(DISTINCT trace_id)), 4)
    AS error_trace_share
FROM `dta-cloud-de-dev.traces.otel_traces`
WHERE publish_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 730 HOUR)
  AND `timestamp` >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 730 HOUR)
GROUP BY environment
