package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one parser from a flat Pulumi config map to a {@link StackConfig}: reads every key with its type,
 * fills omitted keys from {@link Defaults}, then runs {@link StackConfigValidator}. Every problem found on
 * the way is reported together in one {@link InvalidConfigException}. ({@code cost.enforceBudget} needs the
 * estimate, so rendering enforces it, still before anything is registered.)
 */
public final class StackConfigParser {

    private StackConfigParser() {
    }

    public static StackConfig parse(ConfigSource source) {
        List<ConfigProblem> problems = new ArrayList<>();
        ConfigSection root = ConfigSection.root(source, problems);

        JaegerSettings jaeger = JaegerSettings.read(root.section(JAEGER), root, source);
        StackConfig config = new StackConfig(
                source.stack(),
                source.file(),
                environment(root, source.stack()),
                new GcpSettings(root.string(GCP_PROJECT).orElse(""),
                        root.string(GCP_REGION).orElse(Defaults.GCP_REGION)),
                kubernetes(root),
                sampling(root.section(SAMPLING)),
                root.integer(RETENTION_DAYS).orElse(Defaults.RETENTION_DAYS),
                jaeger,
                root.bool(DETAILED_TRACING).orElse(Defaults.DETAILED_TRACING),
                root.bool(CROSS_REGION_BACKUP).orElse(Defaults.CROSS_REGION_BACKUP),
                exporters(root.section(EXPORTERS), jaeger),
                alerts(root, source),
                BigQuerySettings.read(root.section(BIGQUERY)),
                CollectorSettings.read(root.section(COLLECTOR)),
                Platform.read(root),
                LocalSettings.read(root.section(LOCAL)),
                ElasticsearchSettings.read(root.section(ELASTICSEARCH)),
                CostSettings.read(root.section(COST)));

        root.reportUnknownFields();
        problems.addAll(StackConfigValidator.validate(config));
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return config;
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

    private static KubernetesSettings kubernetes(ConfigSection root) {
        ConfigSection section = root.section(KUBERNETES);
        return new KubernetesSettings(
                root.string(KUBERNETES_CONTEXT),
                section.string("namespace").orElse(Defaults.NAMESPACE),
                section.bool("createNamespace").orElse(Defaults.CREATE_NAMESPACE));
    }

    private static SamplingSettings sampling(ConfigSection section) {
        return new SamplingSettings(
                section.number("defaultRate").orElse(Defaults.DEFAULT_RATE),
                section.number("errorRate").orElse(Defaults.ERROR_RATE),
                section.number("slowRate").orElse(Defaults.SLOW_RATE),
                section.integer("slowThresholdMs").orElse(Defaults.SLOW_THRESHOLD_MS));
    }

    /** Exporting to Jaeger follows whether Jaeger is deployed unless the stack says otherwise. */
    private static ExporterSettings exporters(ConfigSection section, JaegerSettings jaeger) {
        return new ExporterSettings(
                section.bool("cloudTrace").orElse(Defaults.EXPORT_CLOUD_TRACE),
                section.bool("jaeger").orElse(jaeger.enabled()),
                section.bool("bigQuery").orElse(Defaults.EXPORT_BIGQUERY));
    }

    private static AlertSettings alerts(ConfigSection root, ConfigSource source) {
        ConfigSection section = root.section(ALERTS);
        return new AlertSettings(
                section.choice("strictness", AlertStrictness.class).orElse(Defaults.ALERT_STRICTNESS),
                section.string("notificationEmail"),
                section.string("slackChannel"),
                secret(root, source, SLACK_AUTH_TOKEN),
                section.string("runbookBaseUrl"),
                AlertThresholdOverrides.read(section.section("thresholds")));
    }

    /** A secret must have been set with {@code --secret}: a plaintext value in a stack file is an error. */
    static Optional<Secret> secret(ConfigSection root, ConfigSource source, String key) {
        Optional<String> value = root.string(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!source.secretKeys().contains(key)) {
            root.problem(key, "(plaintext, not shown)",
                    "must be set as a secret with `pulumi config set --secret " + key + " <value>`");
            return Optional.empty();
        }
        return Optional.of(new Secret(key, value.filter(v -> !v.equals(StackFileReader.ENCRYPTED))));
    }
}
