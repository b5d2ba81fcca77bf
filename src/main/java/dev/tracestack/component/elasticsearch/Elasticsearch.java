package dev.tracestack.component.elasticsearch;

import static dev.tracestack.component.kubernetes.WorkloadPolicies.Rule;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.batch.v1.Job;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.tracestack.component.kubernetes.PodSpecs;
import dev.tracestack.component.kubernetes.WorkloadPolicies;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Names;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.elasticsearch.ClusterSpecRenderer;
import dev.tracestack.render.elasticsearch.JaegerIndices;
import dev.tracestack.wire.Ports;
import dev.tracestack.wire.WellKnownNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jaeger's Elasticsearch: the ECK operator (unless the cluster has one), the ECK {@code Elasticsearch}
 * resource, the Job that installs the ILM policy and the rollover aliases, and in prod the snapshot
 * bucket with its Workload Identity. The cluster and the bucket are protected outside dev.
 */
public final class Elasticsearch extends ComponentResource {

    public static final String TYPE = "tracestack:elasticsearch:Elasticsearch";
    public static final String ECK_API_VERSION = "elasticsearch.k8s.elastic.co/v1";
    public static final String OPERATOR_NAMESPACE = "elastic-system";
    static final String NAME = "elasticsearch";
    /** Node-to-node transport. */
    static final int TRANSPORT_PORT = 9300;

    public final KubernetesCustomResource cluster;
    /**
     * The Job that creates Jaeger's indices and write aliases; the provider waits for it to complete.
     * Jaeger must not write before it has: a span written first makes Elasticsearch create a plain index
     * under the alias's name, and the init then fails on every retry.
     */
    public final Job indicesReady;
    /** The HTTPS URL Jaeger and the jobs use. */
    public final Output<String> url;

    /**
     * @param config   the validated stack config (Jaeger enabled)
     * @param rendered the rendered artifacts, of which this reads {@code elasticsearch/*}
     */
    public record Args(StackConfig config, RenderedStack rendered) {
    }

    public Elasticsearch(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        StackConfig config = args.config();
        String namespace = config.kubernetes().namespace();
        String env = config.environment().id();
        String version = config.elasticsearch().version();
        boolean keep = config.environment().keepsState();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        CustomResourceOptions stateful = CustomResourceOptions.builder().parent(this).protect(keep)
                .retainOnDelete(keep).build();

        List<Resource> before = new ArrayList<>();
        if (config.elasticsearch().installOperator()) {
            before.add(new Release("eck-operator", ReleaseArgs.builder()
                    .name("eck-operator")
                    .chart("eck-operator")
                    .version(config.elasticsearch().operatorVersion())
                    .repositoryOpts(RepositoryOptsArgs.builder().repo("https://helm.elastic.co").build())
                    .namespace(OPERATOR_NAMESPACE)
                    .createNamespace(true)
                    .atomic(true)
                    .build(), child));
        }
        Optional<SnapshotStorage> snapshots = config.elasticsearch().snapshots().enabled()
                ? Optional.of(SnapshotStorage.create(config, child, stateful)) : Optional.empty();
        Map<String, String> labels = Names.labels(NAME, "storage", env, version);
        ObjectMetaArgs.Builder accountMeta = ObjectMetaArgs.builder().name(ClusterSpecRenderer.SERVICE_ACCOUNT)
                .namespace(namespace).labels(labels);
        snapshots.ifPresent(s -> accountMeta.annotations(s.email().applyValue(email ->
                Map.of(Names.WORKLOAD_IDENTITY_ANNOTATION, email))));
        before.add(new ServiceAccount(ClusterSpecRenderer.SERVICE_ACCOUNT, ServiceAccountArgs.builder()
                .metadata(accountMeta.build()).automountServiceAccountToken(false).build(), child));

        Map<String, String> annotations = new LinkedHashMap<>();
        if (config.elasticsearch().zoneAwareness()) {
            annotations.put(ClusterSpecRenderer.DOWNWARD_NODE_LABELS, ClusterSpecRenderer.ZONE_LABEL);
        }
        this.cluster = new KubernetesCustomResource(WellKnownNames.ELASTICSEARCH_CLUSTER, new KubernetesCustomResource.Args(
                ECK_API_VERSION, "Elasticsearch",
                ObjectMetaArgs.builder().name(WellKnownNames.ELASTICSEARCH_CLUSTER).namespace(namespace).labels(labels)
                        .annotations(annotations).build(),
                ClusterSpecRenderer.spec(config, labels)),
                CustomResourceOptions.builder().parent(this).protect(keep).retainOnDelete(keep).dependsOn(before)
                        .build());

        this.indicesReady = IlmInitJobFactory.job(config, args.rendered(), Names.labels(NAME, "ilm-init", env, version),
                CustomResourceOptions.builder().parent(this).dependsOn(cluster).build());

        Map<String, String> esPods = Map.of(
                "elasticsearch.k8s.elastic.co/cluster-name", WellKnownNames.ELASTICSEARCH_CLUSTER);
        WorkloadPolicies.networkPolicy(WellKnownNames.ELASTICSEARCH_CLUSTER, namespace, labels, esPods, List.of(
                new Rule(List.of(Ports.ELASTICSEARCH_HTTP), List.of(
                        WorkloadPolicies.pods(Map.of(PodSpecs.ES_CLIENT_LABEL, "true")),
                        WorkloadPolicies.namespace(OPERATOR_NAMESPACE))),
                new Rule(List.of(TRANSPORT_PORT), List.of(WorkloadPolicies.pods(esPods)))), child);

        this.url = Output.of(JaegerIndices.url(namespace));
        registerOutputs(Map.of("url", url, "cluster", Output.of(WellKnownNames.ELASTICSEARCH_CLUSTER)));
    }
}
