package dev.tracestack.component;

import com.pulumi.core.Output;
import com.pulumi.gcp.monitoring.NotificationChannel;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.tracestack.component.billing.EnvironmentBudget;
import dev.tracestack.component.collector.OtelCollector;
import dev.tracestack.component.elasticsearch.Elasticsearch;
import dev.tracestack.component.gcp.GcpIdentity;
import dev.tracestack.component.gcp.GcpTraceSinks;
import dev.tracestack.component.jaeger.Jaeger;
import dev.tracestack.component.local.LocalArtifacts;
import dev.tracestack.component.local.LocalStack;
import dev.tracestack.config.Platform;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.bigquery.TraceSinkSpec;
import dev.tracestack.render.cost.BudgetSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole tracing stack of one environment: the only place that knows which parts an environment
 * has. Every part is a child component created with the stack's explicit providers.
 */
public final class TracingStack extends ComponentResource {

    public static final String TYPE = "tracestack:index:TracingStack";

    /**
     * What the stack is built from.
     *
     * @param config    the validated stack config
     * @param rendered  every artifact rendered from that config
     * @param providers the explicit providers children are created with
     */
    public record Args(StackConfig config, RenderedStack rendered, Providers providers) {
    }

    /** The collector's identity in Google Cloud; on the Kubernetes platform. */
    public final Optional<GcpIdentity> gcpIdentity;
    /** The Pub/Sub and BigQuery sinks; where {@code exporters.bigQuery}. */
    public final Optional<GcpTraceSinks> gcpTraceSinks;
    /** The collector; on the Kubernetes platform. */
    public final Optional<OtelCollector> collector;
    /** Jaeger's Elasticsearch storage; on the Kubernetes platform where {@code jaeger.enabled}. */
    public final Optional<Elasticsearch> elasticsearch;
    /** Jaeger's collector and query roles; on the Kubernetes platform where {@code jaeger.enabled}. */
    public final Optional<Jaeger> jaeger;
    /** Cloud Monitoring channels, alerts and dashboards; on the Kubernetes platform. */
    public final Optional<TracingMonitoring> monitoring;
    /** The environment's Cloud Billing budget; where {@code cost.billingAccount} is set. */
    public final Optional<EnvironmentBudget> budget;
    /** The whole stack on Docker; on the docker platform. */
    public final Optional<LocalStack> local;
    private final Map<String, Output<?>> exports = new LinkedHashMap<>();

    public TracingStack(String name, Args args) {
        super(TYPE, name, ComponentResourceOptions.builder().providers(args.providers().all()).build());
        StackConfig config = args.config();
        boolean cluster = config.platform() == Platform.KUBERNETES;

        // A docker stack may still hold a Google provider (Cloud Trace from a workstation); the cloud
        // parts below are the cluster platform's, never a workstation's.
        this.gcpIdentity = args.providers().gcp().filter(gcp -> cluster)
                .map(gcp -> new GcpIdentity("gcp-identity", new GcpIdentity.Args(config), child()));
        gcpIdentity.ifPresent(identity ->
                exports.put("collectorServiceAccountEmail", identity.collectorServiceAccountEmail));

        this.gcpTraceSinks = gcpIdentity.filter(identity -> config.exporters().bigQuery())
                .map(identity -> new GcpTraceSinks("gcp-trace-sinks", new GcpTraceSinks.Args(
                        TraceSinkSpec.of(config), args.rendered(), identity.collectorServiceAccountEmail,
                        identity.apis, args.providers().gcp().orElseThrow()), child()));
        gcpTraceSinks.ifPresent(sinks -> {
            exports.put("tracesTopic", sinks.topicName);
            exports.put("tracesDataset", sinks.datasetId);
        });

        // The collector's Kubernetes ServiceAccount impersonates the Google account through Workload Identity.
        this.collector = args.providers().kubernetes().filter(k8s -> cluster)
                .map(k8s -> new OtelCollector("otel-collector", new OtelCollector.Args(config, args.rendered(),
                        gcpIdentity.map(identity -> identity.collectorServiceAccountEmail)), child()));
        collector.ifPresent(c -> {
            exports.put("collectorOtlpGrpcEndpoint", c.otlpGrpcEndpoint());
            exports.put("collectorOtlpHttpEndpoint", c.otlpHttpEndpoint());
            c.zipkinEndpoint().ifPresent(zipkin -> exports.put("collectorZipkinEndpoint", zipkin));
        });

        // Jaeger and its storage go into the namespace the collector creates.
        List<Resource> afterNamespace = collector.flatMap(c -> c.namespace).<List<Resource>>map(List::of)
                .orElse(List.of());
        this.elasticsearch = collector.filter(c -> config.jaeger().enabled())
                .map(c -> new Elasticsearch("elasticsearch", new Elasticsearch.Args(config, args.rendered()),
                        child(afterNamespace)));
        this.jaeger = elasticsearch.map(storage -> new Jaeger("jaeger",
                new Jaeger.Args(config, args.rendered(), storage.indicesReady), child(concat(afterNamespace, storage))));
        jaeger.ifPresent(j -> exports.put("jaegerCollectorOtlpEndpoint", j.collectorOtlpEndpoint));

        // Cloud Monitoring wherever the cluster platform has its Google project; thresholds and channels differ.
        this.monitoring = gcpIdentity.map(identity -> new TracingMonitoring("monitoring",
                TracingMonitoring.Args.of(config, args.rendered()), child()));

        // The budget notifies the environment's channels, so it comes with Cloud Monitoring.
        this.budget = monitoring.flatMap(m -> BudgetSpec.of(config).map(spec -> new EnvironmentBudget("billing",
                new EnvironmentBudget.Args(spec, Output.all(m.channels.stream().map(NotificationChannel::name)
                        .toList()), gcpIdentity.orElseThrow().apis, args.providers().gcp().orElseThrow()), child())));

        this.local = config.platform() == Platform.DOCKER
                ? Optional.of(new LocalStack("local",
                        new LocalStack.Args(config, LocalArtifacts.of(config, args.rendered())), child()))
                : Optional.empty();
        local.ifPresent(l -> exports.putAll(l.urls()));

        registerOutputs(Map.copyOf(exports));
    }

    /** The stack outputs: endpoints and names applications and operators need, by output name. */
    public Map<String, Output<?>> exports() {
        return Collections.unmodifiableMap(exports);
    }

    private ComponentResourceOptions child() {
        return child(List.of());
    }

    private ComponentResourceOptions child(List<Resource> dependsOn) {
        return ComponentResourceOptions.builder().parent(this).dependsOn(dependsOn).build();
    }

    private static List<Resource> concat(List<Resource> first, Resource then) {
        List<Resource> all = new ArrayList<>(first);
        all.add(then);
        return all;
    }
}
