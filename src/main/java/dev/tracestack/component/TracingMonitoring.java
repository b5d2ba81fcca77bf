package dev.tracestack.component;

import com.pulumi.core.Output;
import com.pulumi.gcp.logging.Metric;
import com.pulumi.gcp.logging.MetricArgs;
import com.pulumi.gcp.logging.inputs.MetricMetricDescriptorArgs;
import com.pulumi.gcp.monitoring.AlertPolicy;
import com.pulumi.gcp.monitoring.Dashboard;
import com.pulumi.gcp.monitoring.DashboardArgs;
import com.pulumi.gcp.monitoring.NotificationChannel;
import com.pulumi.gcp.monitoring.NotificationChannelArgs;
import com.pulumi.gcp.monitoring.inputs.NotificationChannelSensitiveLabelsArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.tracestack.config.Secret;
import dev.tracestack.render.Names;
import dev.tracestack.render.monitoring.LogMetrics;
import dev.tracestack.render.monitoring.NotificationChannels;
import dev.tracestack.render.monitoring.RenderedMonitoring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cloud Monitoring for one environment: notification channels, the log-based metrics alerts need, alert
 * policies sent to the stack's channels or, for a team's policies, to the team's, and the dashboards
 * (registered from their rendered JSON).
 */
public final class TracingMonitoring extends ComponentResource {

    public static final String TYPE = "tracestack:monitoring:TracingMonitoring";

    /** @param monitoring the rendered channels, log-based metrics, alert policies and dashboards */
    public record Args(RenderedMonitoring monitoring) {
    }

    public final List<NotificationChannel> channels = new ArrayList<>();
    public final Map<String, AlertPolicy> alertPolicies = new LinkedHashMap<>();
    public final Map<String, Dashboard> dashboards = new LinkedHashMap<>();
    /** The channels of each team, and the stack's under the empty team. */
    private final Map<Optional<String>, List<NotificationChannel>> channelsByTeam = new LinkedHashMap<>();

    public TracingMonitoring(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        RenderedMonitoring monitoring = args.monitoring();
        var child = CustomResourceOptions.builder().parent(this).build();
        for (NotificationChannels.Channel channel : monitoring.channels()) {
            var channelArgs = NotificationChannelArgs.builder()
                    .type(channel.type())
                    .displayName(channel.displayName())
                    .labels(channel.labels());
            if (channel.needsAuthToken()) {
                // Offline the token's text is unknown (the file holds ciphertext); the engine supplies it on `up`.
                channelArgs.sensitiveLabels(NotificationChannelSensitiveLabelsArgs.builder()
                        .authToken(Output.ofSecret(monitoring.slackAuthToken().flatMap(Secret::value).orElse("")))
                        .build());
            }
            NotificationChannel created = new NotificationChannel(Names.child(name, channel.role()),
                    channelArgs.build(), child);
            channels.add(created);
            channelsByTeam.computeIfAbsent(channel.team(), team -> new ArrayList<>()).add(created);
        }
        List<Resource> logMetrics = new ArrayList<>();
        for (LogMetrics.LogMetric metric : monitoring.logMetrics()) {
            logMetrics.add(new Metric(Names.child(name, "log-" + metric.name()), MetricArgs.builder()
                    .name(metric.name())
                    .description(metric.description())
                    .filter(metric.filter())
                    .metricDescriptor(MetricMetricDescriptorArgs.builder()
                            .metricKind("DELTA").valueType("INT64").unit("1").build())
                    .build(), child));
        }
        Output<List<String>> channelIds = Output.all(channels.stream().map(NotificationChannel::name).toList());
        var afterLogMetrics = CustomResourceOptions.builder().parent(this).dependsOn(logMetrics).build();
        monitoring.alertPolicies().forEach((id, policy) -> alertPolicies.put(id, new AlertPolicy(
                Names.child(name, "alert-" + id), AlertPolicyInputs.of(policy,
                        channelsOf(Optional.ofNullable(monitoring.alertTeams().get(id)))),
                afterLogMetrics)));
        monitoring.dashboards().forEach((dashboard, json) -> dashboards.put(dashboard, new Dashboard(
                Names.child(name, "dashboard-" + dashboard), DashboardArgs.builder().dashboardJson(json).build(),
                child)));
        registerOutputs(Map.of(
                "notificationChannels", channelIds,
                "alertPolicies", Output.all(alertPolicies.values().stream().map(AlertPolicy::name).toList()),
                "dashboards", Output.all(dashboards.values().stream().map(Dashboard::id).toList())));
    }

    /** The ids of the channels a policy of the team (empty: of the stack) notifies. */
    private Output<List<String>> channelsOf(Optional<String> team) {
        return Output.all(channelsByTeam.getOrDefault(team, List.of()).stream().map(NotificationChannel::name).toList());
    }
}
