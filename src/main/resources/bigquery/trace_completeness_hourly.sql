-- Seed 004 §6.1 trace completeness SLI: the share of traces whose root span arrived, per hour, last 24 hours.
-- A span is published after it starts, so the publish_time bound keeps every span of the window.
SELECT
  TIMESTAMP_TRUNC(`timestamp`, HOUR) AS time_window,
  environment,
  COUNT(*) AS total_spans,
  COUNT(DISTINCT trace_id) AS total_traces,
  COUNTIF(parent_span_id IS NULL) AS root_spans,
  SAFE_DIVIDE(COUNTIF(parent_span_id IS NULL), COUNT(DISTINCT trace_id)) * 100 AS trace_completeness_percent
FROM `${project}.${dataset}.${spansView}`
WHERE publish_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 24 HOUR)
  AND `timestamp` >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 24 HOUR)
GROUP BY time_window, environment
