-- Yesterday's partition of the raw table, alone in a dataset of its own: the cross-region copy transfers every
-- table of its source dataset that changed since its last run, so it moves this one day, not the whole retention.
-- The query reads one partition (the raw table requires a partition filter).
CREATE OR REPLACE TABLE `${project}.${dataset}.${table}`
PARTITION BY DATE(publish_time)
AS SELECT * FROM `${project}.${source}.${table}`
WHERE publish_time >= TIMESTAMP(DATE_SUB(CURRENT_DATE(), INTERVAL 1 DAY))
  AND publish_time < TIMESTAMP(CURRENT_DATE());
