package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.*;

/**
 * Every rule that spans sections, in one place: what one section's value demands of another's. Each
 * section's own rules are its {@code validate}; these run after them, on the whole config.
 */
final class CrossSectionRules {

    private CrossSectionRules() {
    }

    static void validate(StackConfig config, StackConfigValidator.Rules rules) {
        if (config.platform() == Platform.KUBERNETES && config.gcp().project().isEmpty()) {
            rules.add(GCP_PROJECT, null, "is required (set it with `pulumi config set gcp:project <project-id>`)");
        }
        rules.check(!config.exporters().jaeger() || config.jaeger().enabled(), EXPORTERS + ".jaeger", "true",
                "cannot be on while " + JAEGER + ".enabled is false (enable Jaeger or turn the exporter off)");
        // Deployed Jaeger that is sent nothing runs Elasticsearch for an empty UI; the exporter's default follows
        // jaeger.enabled, so only a stack that writes both ways round gets here.
        rules.check(config.exporters().jaeger() || !config.jaeger().enabled(), EXPORTERS + ".jaeger", "false",
                "cannot be off while " + JAEGER + ".enabled is true (Jaeger and Elasticsearch would run and get no "
                        + "spans; remove the key to export to Jaeger, or turn Jaeger off)");
        if (config.jaeger().enabled()) {
            storage(config, rules);
            OAuthProxySettings oauth = config.jaeger().oauthProxy();
            rules.check(!oauth.enabled() || config.environment() == Environment.DEV
                            || !oauth.emailDomains().contains("*"), OAuthProxySettings.KEY + ".emailDomains",
                    String.valueOf(oauth.emailDomains()), "must not contain \"*\" outside dev (it admits every account "
                            + "of the provider); list your domains, or use allowedGroups");
        }
        bigQuery(config, rules);
        ServiceRules.validate(config, rules);
        if (config.platform() == Platform.DOCKER) {
            docker(config, rules);
        }
    }

    /** Elasticsearch against the retention and the backup. */
    private static void storage(StackConfig config, StackConfigValidator.Rules rules) {
        ElasticsearchSettings es = config.elasticsearch();
        int maxAge = es.rollover().maxAgeDays();
        // An out-of-range retention is reported on its own key; comparing against it would only add noise.
        es.retentionDays().ifPresent(days -> rules.check(!config.core().retentionValid()
                        || (days >= 1 && days <= config.retentionDays()), ELASTICSEARCH + ".retentionDays",
                String.valueOf(days), "must be within [1, " + RETENTION_DAYS + "] ([1, " + config.retentionDays()
                        + "]): Elasticsearch keeps the recent part of what BigQuery keeps"));
        int kept = config.elasticsearchRetentionDays();
        String keptKey = es.retentionDays().isPresent() ? ELASTICSEARCH + ".retentionDays" : RETENTION_DAYS;
        rules.check(!config.core().retentionValid() || maxAge < kept,
                ELASTICSEARCH + ".rollover.maxAgeDays", String.valueOf(maxAge), "must be shorter than "
                        + keptKey + " (" + kept + " days), or indices are deleted as soon as they roll over");
        rules.check(!config.crossRegionBackup() || es.snapshots().enabled(), SnapshotSettings.KEY + ".enabled",
                "false", "must be true while " + CROSS_REGION_BACKUP
                        + " is true (Elasticsearch is backed up by snapshots)");
        // Stage and prod keep their data volumes when a claim goes: the stack creates a Retain twin of the class.
        rules.check(!config.environment().keepsState() || config.platform() != Platform.KUBERNETES
                        || es.diskType().isPresent(), ELASTICSEARCH + ".storageClass", es.storageClass(),
                "must be one of " + ElasticsearchSettings.GKE_DISK_TYPES.keySet().stream().sorted().toList()
                        + " outside dev (the stack creates a copy of that class whose volumes are retained)");
    }

    /**
     * The dataset's location follows the region unless set. A copy is only known to be in another region when
     * both ends are single regions: a multi-region keeps its data in one region of the area that BigQuery
     * picks, which may be the backup's. Without the BigQuery exporter there is no dataset to copy.
     */
    private static void bigQuery(StackConfig config, StackConfigValidator.Rules rules) {
        BigQuerySettings bq = config.bigQuery();
        String location = bq.locationFor(config.gcp().region());
        if (bq.location().isEmpty()) {
            BigQuerySettings.checkLocation(location, rules);
        }
        if (!config.crossRegionBackup() || !config.exporters().bigQuery()) {
            return;
        }
        rules.check(bq.backupLocation().isPresent(), BIGQUERY + ".backupLocation", null,
                "is required when " + CROSS_REGION_BACKUP + " is true");
        rules.check(!BigQueryLocations.isKnown(location) || !BigQueryLocations.isMultiRegion(location),
                BIGQUERY + ".location", location, "must be a single region while " + CROSS_REGION_BACKUP
                        + " is true (a multi-region stores data in one region BigQuery picks)");
        bq.backupLocation().ifPresent(backup -> rules.check(!backup.equals(location), BIGQUERY + ".backupLocation",
                backup, "must differ from " + BIGQUERY + ".location"));
    }

    /** What a docker stack can have: the local stack is Jaeger on one Elasticsearch node, with no cloud state. */
    private static void docker(StackConfig config, StackConfigValidator.Rules rules) {
        String onDocker = "with " + PLATFORM + " docker";
        rules.check(config.jaeger().enabled(), JAEGER + ".enabled", "false",
                "must be true " + onDocker + " (the local stack is Jaeger on Elasticsearch)");
        rules.check(!config.exporters().bigQuery(), EXPORTERS + ".bigQuery", "true",
                "cannot be on " + onDocker + " (the BigQuery path needs the GCP part's Pub/Sub topic"
                        + " and Workload Identity; use a cloud stack)");
        rules.check(config.sampling().defaultRate() == 1.0, SAMPLING + ".defaultRate",
                StackConfigValidator.Rules.plain(config.sampling().defaultRate()), "must be 1 " + onDocker
                        + " (the local stack runs one collector; tail sampling needs a cluster's sampler tier)");
        rules.check(!config.collector().persistentQueue().enabled(), COLLECTOR + ".persistentQueue.enabled", "true",
                "cannot be on " + onDocker + " (a local collector keeps its queue in memory)");
        rules.check(!config.jaeger().oauthProxy().enabled(), JAEGER + ".oauthProxy.enabled", "true",
                "cannot be on " + onDocker
                        + " (the proxy runs in the cluster; the local UI is only on the bind address)");
        config.jaeger().ingressHost().ifPresent(host -> rules.add(JAEGER + ".ingressHost", host,
                "cannot be set " + onDocker + " (there is no Ingress; the UI is published on the jaegerUi host port)"));
        rules.check(!config.elasticsearch().snapshots().enabled(), ELASTICSEARCH + ".snapshots.enabled", "true",
                "cannot be on " + onDocker + " (snapshots go to a Cloud Storage bucket of a cloud stack)");
        rules.check(!config.crossRegionBackup(), CROSS_REGION_BACKUP, "true",
                "cannot be on " + onDocker + " (local traces are disposable; backups are a cloud stack's)");
        rules.check(config.elasticsearch().nodes() == 1, ELASTICSEARCH + ".nodes",
                String.valueOf(config.elasticsearch().nodes()), "must be 1 " + onDocker + " (one container)");
        if (config.exporters().cloudTrace()) {
            String reason = "when " + EXPORTERS + ".cloudTrace is on " + onDocker;
            rules.check(!config.gcp().project().isEmpty(), GCP_PROJECT, null,
                    "is required " + reason + " (the project the local spans go to)");
            rules.check(config.local().gcpCredentialsFile().isPresent(), LOCAL + ".gcpCredentialsFile", null,
                    "is required " + reason + " (the Application Default Credentials file on the Docker host,"
                            + " e.g. written by `gcloud auth application-default login`)");
        }
    }
}
