-- A dated, read-only snapshot of the day's cross-region copy: the copy overwrites its one mirror, the snapshots
-- keep every day's state for the retention (a snapshot stores only what differs from the table it clones).
EXECUTE IMMEDIATE FORMAT(
  "CREATE SNAPSHOT TABLE IF NOT EXISTS `${project}.${dataset}.${table}_%s` CLONE `${project}.${dataset}.${table}` OPTIONS (expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL ${days} DAY))",
  FORMAT_DATE('%Y%m%d', CURRENT_DATE()));
