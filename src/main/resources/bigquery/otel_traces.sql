-- One row per span, flattened from the OTLP/JSON ExportTraceServiceRequest the collector publishes
-- (one Pub/Sub message, one raw row, many spans). Columns follow seed 004's queries.
-- publish_time is the raw table's partition column: filter on it, every query must.
SELECT
  JSON_VALUE(span, '$.traceId') AS trace_id,
  JSON_VALUE(span, '$.spanId') AS span_id,
  NULLIF(JSON_VALUE(span, '$.parentSpanId'), '') AS parent_span_id,
  (
    SELECT JSON_VALUE(resource_attribute, '$.value.stringValue')
    FROM UNNEST(JSON_QUERY_ARRAY(resource_spans, '$.resource.attributes')) AS resource_attribute
    WHERE JSON_VALUE(resource_attribute, '$.key') = 'service.name'
    LIMIT 1
  ) AS service_name,
  JSON_VALUE(span, '$.name') AS operation_name,
  TIMESTAMP_MICROS(DIV(CAST(JSON_VALUE(span, '$.startTimeUnixNano') AS INT64), 1000)) AS `timestamp`,
  (CAST(JSON_VALUE(span, '$.endTimeUnixNano') AS INT64)
    - CAST(JSON_VALUE(span, '$.startTimeUnixNano') AS INT64)) / 1000000 AS duration_ms,
  -- OTLP/JSON writes enums as integers; protobuf's own JSON writes their names. Accept both.
  CASE
    WHEN JSON_VALUE(span, '$.status.code') IN ('2', 'STATUS_CODE_ERROR') THEN 'ERROR'
    WHEN JSON_VALUE(span, '$.status.code') IN ('1', 'STATUS_CODE_OK') THEN 'OK'
    ELSE 'UNSET'
  END AS status_code,
  JSON_VALUE(span, '$.status.message') AS error_message,
  COALESCE(
    (
      SELECT JSON_VALUE(resource_attribute, '$.value.stringValue')
      FROM UNNEST(JSON_QUERY_ARRAY(resource_spans, '$.resource.attributes')) AS resource_attribute
      WHERE JSON_VALUE(resource_attribute, '$.key') IN ('deployment.environment.name', 'deployment.environment')
      LIMIT 1
    ),
    '${environment}'
  ) AS environment,
  TO_JSON_STRING(JSON_QUERY(span, '$.attributes')) AS attributes,
  raw.publish_time AS publish_time
FROM `${project}.${dataset}.${rawTable}` AS raw
CROSS JOIN UNNEST(JSON_QUERY_ARRAY(raw.data, '$.resourceSpans')) AS resource_spans
CROSS JOIN UNNEST(JSON_QUERY_ARRAY(resource_spans, '$.scopeSpans')) AS scope_spans
CROSS JOIN UNNEST(JSON_QUERY_ARRAY(scope_spans, '$.spans')) AS span
