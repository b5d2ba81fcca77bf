package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.CROSS_REGION_BACKUP;
import static dev.tracestack.config.ConfigKeys.DETAILED_TRACING;
import static dev.tracestack.config.ConfigKeys.ENVIRONMENT;
import static dev.tracestack.config.ConfigKeys.RETENTION_DAYS;

import java.util.Arrays;
import java.util.Optional;

/**
 * The stack's top-level scalars ({@code tracestack:<key>}), which belong to no section: what the stack is
 * and how long it keeps spans.
 *
 * @param environment       the environment the stack provisions; the stack name unless the stack says otherwise
 * @param platform          which platform receives the rendered artifacts
 * @param retentionDays     how long spans are kept in BigQuery, Pub/Sub and Elasticsearch
 * @param detailedTracing   whether detailed (verbose) span attributes are kept
 * @param crossRegionBackup whether stateful data is backed up to a second region
 */
public record CoreSettings(Environment environment, Platform platform, int retentionDays, boolean detailedTracing,
                           boolean crossRegionBackup) {

    static final int MAX_RETENTION_DAYS = 3650;

    static CoreSettings read(ConfigSection root, String stack) {
        return new CoreSettings(
                environment(root, stack),
                Platform.read(root),
                root.integer(RETENTION_DAYS).orElse(Defaults.RETENTION_DAYS),
                root.bool(DETAILED_TRACING).orElse(Defaults.DETAILED_TRACING),
                root.bool(CROSS_REGION_BACKUP).orElse(Defaults.CROSS_REGION_BACKUP));
    }

    void validate(StackConfigValidator.Rules rules) {
        rules.check(retentionDays >= 1 && retentionDays <= MAX_RETENTION_DAYS, RETENTION_DAYS,
                String.valueOf(retentionDays), "must be within [1, " + MAX_RETENTION_DAYS + "] days");
    }

    /** Whether the retention is in range, so that rules comparing against it do not add noise. */
    boolean retentionValid() {
        return retentionDays >= 1;
    }

    private static Environment environment(ConfigSection root, String stack) {
        Optional<Environment> fromStackName = Arrays.stream(Environment.values())
                .filter(e -> e.id().equals(stack))
                .findFirst();
        if (!root.has(ENVIRONMENT) && fromStackName.isEmpty()) {
            root.problem(ENVIRONMENT, null, "is required when the stack name is not an environment name");
        }
        return root.choice(ENVIRONMENT, Environment.class).or(() -> fromStackName).orElse(Environment.DEV);
    }
}
