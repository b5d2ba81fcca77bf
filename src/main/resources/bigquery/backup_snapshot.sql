-- A dated, read-only snapshot of the day the cross-region copy brought: the copy overwrites its one mirror with
-- yesterday's partition, the snapshots keep every day for the retention (a snapshot stores only what differs
-- from the table it clones, so each holds its own day once the mirror moves on). Restore reads them together:
-- SELECT * FROM `${project}.${dataset}.${table}_*`. The snapshot is named after the day the mirror holds, not
-- the day it runs, so a day whose extract or copy failed is missing rather than a copy of the day before.
EXECUTE IMMEDIATE FORMAT(
  "CREATE SNAPSHOT TABLE IF NOT EXISTS `${project}.${dataset}.${table}_%s` CLONE `${project}.${dataset}.${table}` OPTIONS (expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL ${days} DAY))",
  FORMAT_DATE('%Y%m%d', (SELECT MAX(DATE(publish_time)) FROM `${project}.${dataset}.${table}`)));
