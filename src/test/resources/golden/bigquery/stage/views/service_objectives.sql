-- Each service's objectives and team, from tracestack:services; the row whose service_name is NULL
-- holds the stack's objectives (its alert thresholds), which every other service has.
SELECT *
FROM UNNEST(ARRAY<STRUCT<service_name STRING, team STRING, latency_p95_ms FLOAT64, error_rate_percent FLOAT64>>[
  (NULL, NULL, 2000, 5)
])
