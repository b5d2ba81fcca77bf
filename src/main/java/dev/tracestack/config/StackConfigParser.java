package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.BIGQUERY;
import static dev.tracestack.config.ConfigKeys.COLLECTOR;
import static dev.tracestack.config.ConfigKeys.COST;
import static dev.tracestack.config.ConfigKeys.ELASTICSEARCH;
import static dev.tracestack.config.ConfigKeys.JAEGER;
import static dev.tracestack.config.ConfigKeys.LOCAL;

import java.util.ArrayList;
import java.util.List;

/**
 * The one parser from a flat Pulumi config map to a {@link StackConfig}: every section reads its own keys with
 * their types, filling omitted keys from {@link Defaults}; then {@link StackConfigValidator} checks every
 * section and the rules spanning them. Every problem found on the way is reported together in one
 * {@link InvalidConfigException}. ({@code cost.enforceBudget} needs the estimate, so rendering enforces it,
 * still before anything is registered.)
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
                CoreSettings.read(root, source.stack()),
                GcpSettings.read(root),
                KubernetesSettings.read(root),
                SamplingSettings.read(root),
                jaeger,
                ExporterSettings.read(root, jaeger),
                AlertSettings.read(root, source),
                BigQuerySettings.read(root.section(BIGQUERY)),
                CollectorSettings.read(root.section(COLLECTOR), root, source),
                LocalSettings.read(root.section(LOCAL)),
                ElasticsearchSettings.read(root.section(ELASTICSEARCH)),
                CostSettings.read(root.section(COST)),
                ServiceCatalog.read(root, source));

        root.reportUnknownFields();
        problems.addAll(StackConfigValidator.validate(config, source.lines()));
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return config;
    }
}
