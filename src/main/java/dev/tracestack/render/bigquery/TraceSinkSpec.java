package dev.tracestack.render.bigquery;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Names;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every name, duration and limit of the Google Cloud trace sinks, derived once from the stack config.
 * Pure: the component only registers resources from these values, and the plan writes them to
 * {@code bigquery/sinks.json} for review.
 *
 * @param project                    the Google Cloud project id
 * @param dataset                    the BigQuery dataset id
 * @param location                   the dataset location
 * @param rawTable                   the table the BigQuery subscription writes to
 * @param spansView                  the view with one row per span
 * @param retentionDays              how long spans are kept (not written to sinks.json: the wire values are)
 * @param partitionExpirationMs      how long a day partition of the raw table lives: the retention in ms
 * @param topic                      the topic the collector publishes to
 * @param topicRetentionSeconds      how long the topic keeps messages for replay
 * @param deadLetterTopic            where messages BigQuery keeps rejecting end up
 * @param subscription               the BigQuery subscription
 * @param deadLetterSubscription     the pull subscription that keeps dead letters readable
 * @param subscriptionRetentionSeconds how long the subscriptions keep unacknowledged messages
 * @param maxDeliveryAttempts        deliveries before a message is dead-lettered
 * @param stateful                   whether stateful resources are protected (stage and prod)
 * @param backup                     the daily cross-region copy, when the stack asks for one
 * @param readerGroups               the Google groups granted read on the dataset, besides the stack's accounts
 */
public record TraceSinkSpec(
        String project,
        String dataset,
        String location,
        String rawTable,
        String spansView,
        @JsonIgnore int retentionDays,
        long partitionExpirationMs,
        String topic,
        long topicRetentionSeconds,
        String deadLetterTopic,
        String subscription,
        String deadLetterSubscription,
        long subscriptionRetentionSeconds,
        int maxDeliveryAttempts,
        boolean stateful,
        Optional<Backup> backup,
        List<String> readerGroups) {

    public static final String DATASET = "traces";
    /** The seed's queries read {@code traces.otel_traces} with one row per span: that name is the view's. */
    public static final String SPANS_VIEW = "otel_traces";
    public static final String RAW_TABLE = "otel_traces_raw";
    public static final String BACKUP_DATASET = "traces_backup";
    /** Pub/Sub's bounds for a topic's message retention. */
    public static final Duration TOPIC_RETENTION_MIN = Duration.ofMinutes(10);
    public static final Duration TOPIC_RETENTION_MAX = Duration.ofDays(31);
    /** Pub/Sub's upper bound for a subscription's message retention. */
    public static final Duration SUBSCRIPTION_RETENTION_MAX = Duration.ofDays(7);
    /** Pub/Sub accepts 5 to 100; the minimum moves a poison message aside within seconds of retries. */
    public static final int MAX_DELIVERY_ATTEMPTS = 5;
    /** Where yesterday's partition waits, alone, for the cross-region copy: in the dataset's own region. */
    public static final String BACKUP_STAGING_DATASET = "traces_backup_staging";
    /**
     * Seed 004 §9: the backup runs once a day, in three steps an hour apart (UTC): yesterday's partition into the
     * staging dataset, the copy of it to the second region, the dated snapshot of what the copy brought.
     */
    public static final String EXTRACT_SCHEDULE = "every day 00:30";
    public static final String BACKUP_SCHEDULE = "every day 01:30";
    public static final String SNAPSHOT_SCHEDULE = "every day 02:30";

    /**
     * The daily copy of yesterday's partition to a second region, kept there as dated snapshots.
     *
     * @param stagingDataset   the dataset in the source region that holds only yesterday's partition
     * @param extractSchedule  when the scheduled query fills it
     * @param extractSql       that query (reads one partition of the raw table)
     * @param dataset          the dataset the copy goes to
     * @param location         its region
     * @param schedule         the Data Transfer Service schedule of the copy
     * @param snapshotSchedule when the dated snapshot of the day's copy is taken, after the copy
     * @param snapshotSql      the scheduled query that takes it (kept for the retention)
     */
    public record Backup(String stagingDataset, String extractSchedule, String extractSql, String dataset,
                         String location, String schedule, String snapshotSchedule, String snapshotSql) {
    }

    public static TraceSinkSpec of(StackConfig config) {
        Duration retention = Duration.ofDays(config.retentionDays());
        String env = config.environment().id();
        String topic = Names.tracesTopic(env);
        Optional<Backup> backup = config.crossRegionBackup()
                ? config.bigQuery().backupLocation().map(l -> backup(config, l))
                : Optional.empty();
        return new TraceSinkSpec(
                config.gcp().project(),
                DATASET,
                config.bigQuery().locationFor(config.gcp().region()),
                RAW_TABLE,
                SPANS_VIEW,
                config.retentionDays(),
                retention.toMillis(),
                topic,
                clamp(retention, TOPIC_RETENTION_MIN, TOPIC_RETENTION_MAX).toSeconds(),
                topic + "-dead-letter",
                topic + "-bigquery",
                topic + "-dead-letter-pull",
                clamp(retention, TOPIC_RETENTION_MIN, SUBSCRIPTION_RETENTION_MAX).toSeconds(),
                MAX_DELIVERY_ATTEMPTS,
                config.environment().keepsState(),
                backup,
                config.bigQuery().readerGroups());
    }

    private static Backup backup(StackConfig config, String location) {
        String project = config.gcp().project();
        return new Backup(BACKUP_STAGING_DATASET, EXTRACT_SCHEDULE,
                SqlTemplate.render("backup_extract", Map.of("project", project, "source", DATASET,
                        "dataset", BACKUP_STAGING_DATASET, "table", RAW_TABLE)),
                BACKUP_DATASET, location, BACKUP_SCHEDULE, SNAPSHOT_SCHEDULE,
                SqlTemplate.render("backup_snapshot", Map.of("project", project, "dataset", BACKUP_DATASET,
                        "table", RAW_TABLE, "days", String.valueOf(config.retentionDays()))));
    }

    /** Whether Pub/Sub keeps messages for less than the retention: true when the retention exceeds 31 days. */
    @JsonProperty
    public boolean topicRetentionClamped() {
        return topicRetentionSeconds * 1000 < partitionExpirationMs;
    }

    /** The table the subscription writes to, as Pub/Sub names it: {@code project.dataset.table}. */
    public String rawTableReference() {
        return tableReference(rawTable);
    }

    /** A table or view of the dataset as BigQuery SQL and Pub/Sub name it: {@code project.dataset.table}. */
    public String tableReference(String table) {
        return project + "." + dataset + "." + table;
    }

    /** A duration as Pub/Sub's API spells it: {@code 259200s}. */
    public static String seconds(long seconds) {
        return seconds + "s";
    }

    private static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }
}
