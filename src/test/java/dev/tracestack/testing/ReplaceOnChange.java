package dev.tracestack.testing;

import java.util.List;
import java.util.Map;

/**
 * The inputs Pulumi cannot change in place, per resource type: a new value makes the engine delete the
 * resource and create it again (for a dataset, a topic or the Elasticsearch cluster, with everything it
 * holds). Taken from the providers' schemas ({@code ForceNew} in the Terraform providers the GCP and Docker
 * providers bridge, the Kubernetes provider's replace rules); where a provider replaces on every input, the
 * type lists {@link #EVERY_INPUT}.
 */
public final class ReplaceOnChange {

    /** Stands for: a change to any input replaces the resource. */
    public static final String EVERY_INPUT = "*";

    /** Object identity: a Kubernetes object is found by its group, version, kind, namespace and name. */
    private static final List<String> KUBERNETES_OBJECT = List.of("apiVersion", "kind", "metadata.name",
            "metadata.namespace");

    private static final Map<String, List<String>> BY_TYPE = Map.ofEntries(
            // Selectors, a StatefulSet's claims and service, a Job's pod template and a Service's cluster IP
            // are immutable in the Kubernetes API; the provider replaces the object to change them.
            Map.entry("kubernetes:apps/v1:Deployment", List.of("spec.selector")),
            Map.entry("kubernetes:apps/v1:StatefulSet", List.of("spec.selector", "spec.serviceName",
                    "spec.volumeClaimTemplates", "spec.podManagementPolicy")),
            Map.entry("kubernetes:batch/v1:Job", List.of("spec.template", "spec.selector")),
            Map.entry("kubernetes:core/v1:Service", List.of("spec.clusterIP")),
            Map.entry("kubernetes:helm.sh/v3:Release", List.of("name", "namespace", "chart",
                    "repositoryOpts")),
            Map.entry("gcp:bigquery/dataset:Dataset", List.of("project", "datasetId", "location")),
            Map.entry("gcp:bigquery/table:Table", List.of("project", "datasetId", "tableId",
                    "timePartitioning.type", "timePartitioning.field")),
            Map.entry("gcp:bigquery/dataTransferConfig:DataTransferConfig", List.of("project", "location",
                    "dataSourceId")),
            Map.entry("gcp:pubsub/topic:Topic", List.of("project", "name")),
            Map.entry("gcp:pubsub/subscription:Subscription", List.of("project", "name", "topic")),
            Map.entry("gcp:serviceaccount/account:Account", List.of("project", "accountId")),
            Map.entry("gcp:storage/bucket:Bucket", List.of("project", "name", "location")),
            Map.entry("gcp:projects/service:Service", List.of("project", "service")),
            Map.entry("gcp:logging/metric:Metric", List.of("project", "name")),
            Map.entry("gcp:monitoring/notificationChannel:NotificationChannel", List.of("project", "type")),
            Map.entry("gcp:monitoring/alertPolicy:AlertPolicy", List.of("project")),
            Map.entry("gcp:monitoring/dashboard:Dashboard", List.of("project")),
            Map.entry("gcp:billing/budget:Budget", List.of("billingAccount")),
            // Every IAM member binding is one role for one member on one target: all of it is its identity.
            Map.entry("gcp:projects/iAMMember:IAMMember", List.of("project", "role", "member")),
            Map.entry("gcp:serviceaccount/iAMMember:IAMMember", List.of("serviceAccountId", "role", "member")),
            Map.entry("gcp:pubsub/topicIAMMember:TopicIAMMember", List.of("project", "topic", "role", "member")),
            Map.entry("gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember", List.of("project",
                    "subscription", "role", "member")),
            Map.entry("gcp:bigquery/datasetIamMember:DatasetIamMember", List.of("project", "datasetId", "role",
                    "member")),
            Map.entry("gcp:bigquery/iamMember:IamMember", List.of("project", "datasetId", "tableId", "role",
                    "member")),
            Map.entry("gcp:storage/bucketIAMMember:BucketIAMMember", List.of("bucket", "role", "member")),
            // The Docker provider recreates a container for any change; networks, volumes and images by name.
            Map.entry("docker:index/container:Container", List.of(EVERY_INPUT)),
            Map.entry("docker:index/network:Network", List.of("name", "driver")),
            Map.entry("docker:index/volume:Volume", List.of("name")),
            Map.entry("docker:index/remoteImage:RemoteImage", List.of("name")),
            // A provider whose settings change makes its resources diff against another target.
            Map.entry("pulumi:providers:kubernetes", List.of(EVERY_INPUT)),
            Map.entry("pulumi:providers:gcp", List.of(EVERY_INPUT)),
            Map.entry("pulumi:providers:docker", List.of(EVERY_INPUT)));

    private ReplaceOnChange() {
    }

    /**
     * Whether the table knows the type: every Kubernetes object (by its identity), the components (which have
     * no inputs) and the types listed. A type it does not know cannot be checked and fails the comparison.
     */
    public static boolean knows(String type) {
        return type.startsWith("kubernetes:") || type.startsWith("tracestack:") || BY_TYPE.containsKey(type);
    }

    /** The dotted input paths of a type whose change replaces the resource; {@link #EVERY_INPUT} for all. */
    public static List<String> paths(String type) {
        List<String> specific = BY_TYPE.getOrDefault(type, List.of());
        if (type.startsWith("kubernetes:") && !type.startsWith("kubernetes:helm.sh/")) {
            return concat(KUBERNETES_OBJECT, specific);
        }
        return specific;
    }

    private static List<String> concat(List<String> first, List<String> then) {
        return java.util.stream.Stream.concat(first.stream(), then.stream()).toList();
    }
}
