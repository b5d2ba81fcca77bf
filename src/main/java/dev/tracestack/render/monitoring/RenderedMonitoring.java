package dev.tracestack.render.monitoring;

import dev.tracestack.config.Secret;
import dev.tracestack.render.RenderedPart;
import dev.tracestack.render.monitoring.AlertPolicyModel.AlertPolicy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Cloud Monitoring for one environment, rendered: the channels to notify, the log-based metrics the alerts
 * read, the alert policies and the dashboards.
 *
 * @param channels       the notification channels to create (no secrets)
 * @param slackAuthToken the Slack token, required when a Slack channel is among them
 * @param logMetrics     log-based metrics the alert policies and dashboards read
 * @param alertPolicies  alert policies by id
 * @param alertTeams     the team each team's policy notifies, by policy id; the others notify the stack's channels
 * @param dashboards     dashboard JSON by dashboard name
 * @param files          the artifacts under {@code monitoring/}
 */
public record RenderedMonitoring(List<NotificationChannels.Channel> channels, Optional<Secret> slackAuthToken,
                                 List<LogMetrics.LogMetric> logMetrics, Map<String, AlertPolicy> alertPolicies,
                                 Map<String, String> alertTeams, Map<String, String> dashboards,
                                 Map<String, String> files) implements RenderedPart {

    public RenderedMonitoring {
        channels = List.copyOf(channels);
        logMetrics = List.copyOf(logMetrics);
        alertPolicies = Collections.unmodifiableMap(new LinkedHashMap<>(alertPolicies));
        alertTeams = Map.copyOf(alertTeams);
        dashboards = Collections.unmodifiableMap(new LinkedHashMap<>(dashboards));
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }
}
