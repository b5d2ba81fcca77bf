package dev.tracestack.render.monitoring;

import java.util.Map;
import java.util.Set;

/**
 * The monitored resource types the stack's metrics are written with, and the labels each type has. A metric
 * threshold or absence filter must restrict {@code resource.type}, and to the type its metric is written with,
 * or it selects nothing (the labels are those of the Cloud Monitoring resource list,
 * https://cloud.google.com/monitoring/api/resources).
 *
 * <p>Which type the collector's {@code googlecloud} exporter writes is decided by its resource mapping
 * (opentelemetry-operations-go, {@code internal/resourcemapping}): {@code cloud.platform} chooses the platform's
 * types ({@code gcp_kubernetes_engine}: {@code k8s_container}, {@code k8s_pod}, ...), and without one a resource
 * with both {@code service.name} and {@code service.instance.id} is a {@code generic_task}, any other a
 * {@code generic_node}. The collector's own telemetry carries both and no platform: {@code generic_task}. Span
 * metrics carry the resource of the spans they count, so the gateway removes the two attributes that choose
 * the type from them ({@code resource/spanmetrics}) and they are all {@code generic_node}.
 */
public final class MonitoredResources {

    /** Span metrics, with their resource's platform and instance removed. */
    public static final String GENERIC_NODE = "generic_node";
    /** The collector's own telemetry: {@code service.name} and {@code service.instance.id}, no platform. */
    public static final String GENERIC_TASK = "generic_task";
    /** GKE container metrics, and log-based metrics counted from container logs. */
    public static final String K8S_CONTAINER = "k8s_container";
    /** GKE pod metrics (volumes). */
    public static final String K8S_POD = "k8s_pod";
    /** Cloud Trace's billing metrics. */
    public static final String GLOBAL = "global";
    public static final String PUBSUB_SUBSCRIPTION = "pubsub_subscription";
    public static final String BIGQUERY_DTS_CONFIG = "bigquery_dts_config";

    /** Each type's labels, as the resource list documents them. */
    public static final Map<String, Set<String>> LABELS = Map.of(
            GENERIC_NODE, Set.of("project_id", "location", "namespace", "node_id"),
            GENERIC_TASK, Set.of("project_id", "location", "namespace", "job", "task_id"),
            K8S_CONTAINER, Set.of("project_id", "location", "cluster_name", "namespace_name", "pod_name",
                    "container_name"),
            K8S_POD, Set.of("project_id", "location", "cluster_name", "namespace_name", "pod_name"),
            GLOBAL, Set.of("project_id"),
            PUBSUB_SUBSCRIPTION, Set.of("project_id", "subscription_id"),
            BIGQUERY_DTS_CONFIG, Set.of("project_id", "location", "config_id"));

    private MonitoredResources() {
    }
}
