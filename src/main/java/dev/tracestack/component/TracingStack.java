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
import dev.tracestack.component.local.LocalStack;
import dev.tracestack.render.RenderedStack;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole tracing stack of one environment. It creates a part's component exactly where the rendered stack
 * has that part's result, hands each its own result and the outputs of the siblings it needs, and creates
 * every part with the stack's explicit providers.
 */
public final class TracingStack extends ComponentResource {

    public static final String TYPE = "tracestack:index:TracingStack";

    /**
     * What the stack is built from.
     *
     * @param rendered  every part's rendered result
     * @param providers the explicit providers children are created with
     */
    public record Args(RenderedStack rendered, Providers providers) {
    }

    /** The collector's identity in Google Cloud. */
    public final Optional<GcpIdentity> gcpIdentity;
    /** The Pub/Sub and BigQuery sinks. */
    public final Optional<GcpTraceSinks> gcpTraceSinks;
    /** The collector on the cluster. */
    public final Optional<OtelCollector> collector;
    /** Jaeger's Elasticsearch storage. */
    public final Optional<Elasticsearch> elasticsearch;
    /** Jaeger's collector and query roles. */
    public final Optional<Jaeger> jaeger;
    /** Cloud Monitoring channels, alerts and dashboards. */
    public final Optional<TracingMonitoring> monitoring;
    /** The environment's Cloud Billing budget. */
    public final Optional<EnvironmentBudget> budget;
    /** The whole stack on Docker. */
    public final Optional<LocalStack> local;
    private final Map<String, Output<?>> exports = new LinkedHashMap<>();

    public TracingStack(String name, Args args) {
        super(TYPE, name, ComponentResourceOptions.builder().providers(args.providers().all()).build());
        RenderedStack rendered = args.rendered();
        Providers providers = args.providers();

        this.gcpIdentity = rendered.identity().map(identity ->
                new GcpIdentity("gcp-identity", new GcpIdentity.Args(identity), child()));
        gcpIdentity.ifPresent(identity ->
                exports.put("collectorServiceAccountEmail", identity.collectorServiceAccountEmail));

        this.gcpTraceSinks = rendered.sinks().map(sinks -> new GcpTraceSinks("gcp-trace-sinks",
                new GcpTraceSinks.Args(sinks, gcpIdentity.orElseThrow().collectorServiceAccountEmail,
                        gcpIdentity.orElseThrow().apis, providers.gcp().orElseThrow()), child()));
        gcpTraceSinks.ifPresent(sinks -> {
            exports.put("tracesTopic", sinks.topicName);
            exports.put("tracesDataset", sinks.datasetId);
        });

        // The collector's Kubernetes ServiceAccount impersonates the Google account through Workload Identity.
        this.collector = rendered.collector().map(collector -> new OtelCollector("otel-collector",
                new OtelCollector.Args(collector, gcpIdentity.map(identity -> identity.collectorServiceAccountEmail)),
                child()));
        collector.ifPresent(c -> {
            exports.put("collectorOtlpGrpcEndpoint", c.otlpGrpcEndpoint());
            exports.put("collectorOtlpHttpEndpoint", c.otlpHttpEndpoint());
            c.zipkinEndpoint().ifPresent(zipkin -> exports.put("collectorZipkinEndpoint", zipkin));
        });

        // Jaeger and its storage go into the namespace the collector creates.
        List<Resource> afterNamespace = collector.flatMap(c -> c.namespace).<List<Resource>>map(List::of)
                .orElse(List.of());
        this.elasticsearch = rendered.elasticsearch().map(storage -> new Elasticsearch("elasticsearch",
                new Elasticsearch.Args(storage), child(afterNamespace)));
        this.jaeger = rendered.jaeger().map(jaeger -> new Jaeger("jaeger",
                new Jaeger.Args(jaeger, elasticsearch.orElseThrow().indicesReady,
                        elasticsearch.orElseThrow().passwordHashes),
                child(concat(afterNamespace, elasticsearch.orElseThrow()))));
        jaeger.ifPresent(j -> exports.put("jaegerCollectorOtlpEndpoint", j.collectorOtlpEndpoint));

        this.monitoring = rendered.monitoring().map(monitoring -> new TracingMonitoring("monitoring",
                new TracingMonitoring.Args(monitoring), child()));

        // The budget notifies the environment's channels and waits for the Billing Budgets API.
        this.budget = rendered.budget().map(spec -> new EnvironmentBudget("billing", new EnvironmentBudget.Args(spec,
                Output.all(monitoring.orElseThrow().channels.stream().map(NotificationChannel::name).toList()),
                gcpIdentity.orElseThrow().apis, providers.gcp().orElseThrow()), child()));

        this.local = rendered.local().map(local -> new LocalStack("local", new LocalStack.Args(local), child()));
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
