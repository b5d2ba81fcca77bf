package dev.tracestack.render.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.monitoring.AlertPolicyModel.AlertPolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the Cloud Monitoring artifacts of a stack under {@code monitoring/}: alert policies, dashboards,
 * notification channels (no secrets), log-based metrics and the metric catalog. Refuses to render an alert
 * or dashboard that reads a metric type missing from the {@link MetricCatalog}, and an alert policy the
 * Monitoring API would refuse ({@link MonitoringApiRules}).
 */
public final class MonitoringRenderer {

    public static final String ALERT_POLICIES = "monitoring/alert-policies.json";
    public static final String CHANNELS = "monitoring/channels.json";
    public static final String LOG_METRICS = "monitoring/log-metrics.json";
    public static final String CATALOG = "monitoring/metric-catalog.json";

    private MonitoringRenderer() {
    }

    /** The path of a dashboard's JSON, e.g. {@code monitoring/dashboards/overview.json}. */
    public static String dashboardPath(String name) {
        return "monitoring/dashboards/" + name + ".json";
    }

    public static RenderedMonitoring render(StackConfig config) {
        return render(config, AlertPolicies.of(config));
    }

    /** The artifacts with these alert policies, refused where the Monitoring API would refuse one. */
    static RenderedMonitoring render(StackConfig config, Map<String, AlertPolicy> policies) {
        MonitoringApiRules.require(config.stack(), policies);
        // Serialized once: checked as trees, and the trees written as the artifacts.
        Map<String, JsonNode> policyTrees = trees(policies);
        Map<String, JsonNode> dashboardTrees = trees(Dashboards.of(config));
        requireCatalogued(policyTrees, dashboardTrees);
        var channels = NotificationChannels.of(config);
        var logMetrics = LogMetrics.of(config);
        Map<String, String> files = new TreeMap<>();
        Map<String, String> dashboardJson = new LinkedHashMap<>();
        files.put(ALERT_POLICIES, Artifacts.json(policyTrees));
        dashboardTrees.forEach((name, dashboard) -> {
            dashboardJson.put(name, Artifacts.json(dashboard));
            files.put(dashboardPath(name), dashboardJson.get(name));
        });
        files.put(CHANNELS, Artifacts.json(channels));
        files.put(LOG_METRICS, Artifacts.json(logMetrics));
        files.put(CATALOG, Artifacts.json(MetricCatalog.METRICS));
        return new RenderedMonitoring(channels, config.alerts().slackAuthToken(), logMetrics, policies,
                AlertPolicies.teams(config), dashboardJson, files);
    }

    /** Each document as the JSON tree it is written as, in the same order. */
    static Map<String, JsonNode> trees(Map<String, ?> documents) {
        Map<String, JsonNode> trees = new LinkedHashMap<>();
        documents.forEach((name, document) -> trees.put(name, Artifacts.JSON.valueToTree(document)));
        return trees;
    }

    /** Every metric filter of the policies and dashboards names only catalogued metric types. */
    static void requireCatalogued(Map<String, JsonNode> policies, Map<String, JsonNode> dashboards) {
        Map<String, String> filters = new LinkedHashMap<>();
        policies.forEach((id, policy) -> MetricCatalog.filtersIn(policy)
                .forEach((path, filter) -> filters.put("alert " + id + path, filter)));
        dashboards.forEach((name, dashboard) -> MetricCatalog.filtersIn(dashboard)
                .forEach((path, filter) -> filters.put(dashboardPath(name) + path, filter)));
        MetricCatalog.requireCatalogued(filters);
    }
}
