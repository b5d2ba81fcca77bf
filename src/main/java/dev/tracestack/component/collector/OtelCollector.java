package dev.tracestack.component.collector;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.StatefulSet;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscaler;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudget;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.tracestack.component.kubernetes.WorkloadPolicies;
import dev.tracestack.render.Names;
import dev.tracestack.render.collector.CollectorTier;
import dev.tracestack.render.collector.RenderedCollector;
import dev.tracestack.render.collector.RenderedTier;
import dev.tracestack.wire.WellKnownNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenTelemetry Collector on Kubernetes: one workload per tier with its ConfigMap, Services,
 * autoscaler, disruption budget and NetworkPolicy, registered here as {@code <name>-<tier>-<kind>}. The
 * typed args come from the pure per-kind builders ({@link CollectorPods}, {@link CollectorNetwork},
 * {@link CollectorScaling}); the plan writes what was registered as {@code kubernetes/<kind>-<name>.yaml},
 * so the registered inputs are the single source of the manifests.
 */
public final class OtelCollector extends ComponentResource {

    public static final String TYPE = "tracestack:collector:OtelCollector";
    /** Pod Security admission's label prefix. */
    public static final String POD_SECURITY = "pod-security.kubernetes.io/";

    /** The namespace every part's workloads go into, when the stack creates it. */
    public final Optional<Namespace> namespace;
    private final Output<String> otlpGrpcEndpoint;
    private final Output<String> otlpHttpEndpoint;
    private final Optional<Output<String>> zipkinEndpoint;

    /**
     * What the collector is built from.
     *
     * @param collector                 the rendered tiers and the settings their objects are built from
     * @param googleServiceAccountEmail the Google service account the collector acts as; absent leaves the
     *                                  KSA without the Workload Identity annotation
     */
    public record Args(RenderedCollector collector, Optional<Output<String>> googleServiceAccountEmail) {
    }

    public OtelCollector(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        RenderedCollector collector = args.collector();
        String namespace = collector.namespace();

        // Deleting a namespace deletes everything in it, protected or not: where it holds state, it is protected
        // and kept too. Every pod in it must meet the Pod Security Standard "restricted".
        this.namespace = collector.createNamespace()
                ? Optional.of(new Namespace(Names.child(name, "namespace"), NamespaceArgs.builder()
                        .metadata(ObjectMetaArgs.builder().name(namespace).labels(namespaceLabels()).build())
                        .build(), CustomResourceOptions.builder().parent(this).protect(collector.keepsState())
                        .retainOnDelete(collector.keepsState()).build()))
                : Optional.empty();
        CustomResourceOptions inNamespace = CustomResourceOptions.builder().parent(this)
                .dependsOn(this.namespace.<List<Resource>>map(List::of).orElse(List.of())).build();
        var accountMeta = ObjectMetaArgs.builder().name(WellKnownNames.COLLECTOR_SERVICE_ACCOUNT).namespace(namespace)
                .labels(Names.labels(WellKnownNames.COLLECTOR_SERVICE, "collector", collector.environment(),
                        collector.settings().version()));
        args.googleServiceAccountEmail().ifPresent(email ->
                accountMeta.annotations(email.applyValue(e -> Map.of(Names.WORKLOAD_IDENTITY_ANNOTATION, e))));
        // Workload Identity needs no Kubernetes API token (the GKE metadata server answers), nor does anything else.
        new ServiceAccount(Names.child(name, "service-account"), ServiceAccountArgs.builder()
                .metadata(accountMeta.build()).automountServiceAccountToken(false).build(), inNamespace);

        // The gateway reads its hash key from this Secret when it starts: created first.
        Optional<Secret> hashKey = CollectorSecret.hashKey(collector).map(secret ->
                new Secret(Names.child(name, "hash-key"), secret, inNamespace));
        // Every pod of the namespace (Jaeger's and Elasticsearch's too) gets only what its own policy opens.
        new NetworkPolicy(Names.child(name, "default-deny"), WorkloadPolicies.defaultDeny(namespace,
                Map.of(Names.PART_OF_LABEL, Names.PART_OF)), inNamespace);
        for (RenderedTier tier : collector.tiers()) {
            boolean gateway = tier.tier().role() == CollectorTier.Role.GATEWAY;
            tier(name, new CollectorTierSpec(collector, tier), inNamespace,
                    gateway ? hashKey.<List<Resource>>map(List::of).orElse(List.of()) : List.of());
        }

        this.otlpGrpcEndpoint = Output.of(collector.otlpGrpcEndpoint());
        this.otlpHttpEndpoint = Output.of(collector.otlpHttpEndpoint());
        this.zipkinEndpoint = collector.zipkinEndpoint().map(Output::of);
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("otlpGrpcEndpoint", otlpGrpcEndpoint);
        outputs.put("otlpHttpEndpoint", otlpHttpEndpoint);
        zipkinEndpoint.ifPresent(endpoint -> outputs.put("zipkinEndpoint", endpoint));
        registerOutputs(outputs);
    }

    /** The Pod Security admission labels: enforce, audit and warn at the "restricted" level. */
    static Map<String, String> namespaceLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Names.PART_OF_LABEL, Names.PART_OF);
        for (String mode : List.of("enforce", "audit", "warn")) {
            labels.put(POD_SECURITY + mode, "restricted");
        }
        return labels;
    }

    /** Logical names are {@code <component>-<tier>-<kind>}: stable across environments and config changes. */
    private void tier(String name, CollectorTierSpec spec, CustomResourceOptions options, List<Resource> podsRead) {
        String prefix = Names.child(name, spec.tier().role().id());
        var configMap = new ConfigMap(Names.child(prefix, "config"), CollectorPods.configMap(spec), options);
        // The pods mount the ConfigMap by its hashed name (and read what podsRead holds): it must exist before
        // the rollout starts.
        List<Resource> before = new java.util.ArrayList<>(List.of(configMap));
        before.addAll(podsRead);
        var afterConfig = CustomResourceOptions.merge(options,
                CustomResourceOptions.builder().dependsOn(before).build());
        if (spec.tier().persistentQueue()) {
            new StatefulSet(Names.child(prefix, "workload"), CollectorPods.statefulSet(spec), afterConfig);
        } else {
            new Deployment(Names.child(prefix, "workload"), CollectorPods.deployment(spec), afterConfig);
        }
        if (spec.tier().role() == CollectorTier.Role.GATEWAY) {
            new Service(Names.child(prefix, "service"), CollectorNetwork.service(spec), options);
        }
        new Service(Names.child(prefix, "headless"), CollectorNetwork.headless(spec), options);
        new HorizontalPodAutoscaler(Names.child(prefix, "autoscaler"), CollectorScaling.autoscaler(spec), options);
        new PodDisruptionBudget(Names.child(prefix, "disruption-budget"), CollectorScaling.disruptionBudget(spec),
                options);
        new NetworkPolicy(Names.child(prefix, "network-policy"), CollectorNetwork.networkPolicy(spec), options);
    }

    /** Where applications send OTLP over gRPC, e.g. {@code otel-collector.observability.svc.cluster.local:4317}. */
    public Output<String> otlpGrpcEndpoint() {
        return otlpGrpcEndpoint;
    }

    /** Where applications send OTLP over HTTP. */
    public Output<String> otlpHttpEndpoint() {
        return otlpHttpEndpoint;
    }

    /** Where Zipkin clients (Envoy, Istio) send spans, when the Zipkin receiver is on. */
    public Optional<Output<String>> zipkinEndpoint() {
        return zipkinEndpoint;
    }
}
