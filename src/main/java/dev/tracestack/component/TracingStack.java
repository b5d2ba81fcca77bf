package dev.tracestack.component;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.tracestack.component.collector.OtelCollector;
import dev.tracestack.component.elasticsearch.Elasticsearch;
import dev.tracestack.component.jaeger.Jaeger;
import dev.tracestack.component.gcp.GcpIdentity;
import dev.tracestack.component.gcp.GcpTraceSinks;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.bigquery.TraceSinkSpec;
import java.util.ArrayList;
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

    /** The collector's identity in Google Cloud; present wherever the stack has a GCP provider. */
    public final Optional<GcpIdentity> gcpIdentity;
    /** The Pub/Sub and BigQuery sinks; present where {@code exporters.bigQuery}. */
    public final Optional<GcpTraceSinks> gcpTraceSinks;

    /**
     * @param config    the validated stack config
     * @param rendered  every artifact rendered from that config
     * @param providers the explicit providers children are created with
     */
    public record Args(StackConfig config, RenderedStack rendered, Providers providers) {
    }

    /** Cloud Monitoring; present wherever the stack runs on Google Cloud. */
    public final Optional<TracingMonitoring> monitoring;
    /** The collector, on every stack with a Kubernetes cluster. */
    public final Optional<OtelCollector> collector;
    /** Jaeger's Elasticsearch storage; present where {@code jaeger.enabled}. */
    public final Optional<Elasticsearch> elasticsearch;
    /** Jaeger's collector and query roles; present where {@code jaeger.enabled}. */
    public final Optional<Jaeger> jaeger;

    public TracingStack(String name, Args args) {
        super(TYPE, name, ComponentResourceOptions.builder().providers(args.providers().all()).build());
        StackConfig config = args.config();
        Map<String, Output<?>> outputs = new LinkedHashMap<>();

        this.gcpIdentity = args.providers().gcp().map(gcp -> new GcpIdentity("gcp-identity",
                new GcpIdentity.Args(config), child()));
        gcpIdentity.ifPresent(identity ->
                outputs.put("collectorServiceAccountEmail", identity.collectorServiceAccountEmail));

        this.gcpTraceSinks = gcpIdentity.filter(identity -> config.exporters().bigQuery())
                .map(identity -> new GcpTraceSinks("gcp-trace-sinks", new GcpTraceSinks.Args(
                        TraceSinkSpec.of(config), args.rendered(), identity.collectorServiceAccountEmail,
                        identity.apis, args.providers().gcp().orElseThrow()), child()));
        gcpTraceSinks.ifPresent(sinks -> {
            outputs.put("tracesTopic", sinks.topicName);
            outputs.put("tracesDataset", sinks.datasetId);
        });

        // The collector's Kubernetes ServiceAccount impersonates the Google account through Workload Identity.
        this.collector = args.providers().kubernetes().map(k8s -> new OtelCollector("otel-collector",
                new OtelCollector.Args(config, args.rendered(),
                        gcpIdentity.map(identity -> identity.collectorServiceAccountEmail)),
                child()));
        collector.ifPresent(c -> outputs.put("collectorOtlpGrpcEndpoint", c.otlpGrpcEndpoint()));

        // Jaeger and its storage only where the stack enables them; both go into the namespace the collector creates.
        List<Resource> afterNamespace = collector.flatMap(c -> c.namespace).<List<Resource>>map(List::of).orElse(List.of());
        this.elasticsearch = config.jaeger().enabled()
                ? Optional.of(new Elasticsearch("elasticsearch", new Elasticsearch.Args(config, args.rendered()),
                        child(afterNamespace)))
                : Optional.empty();
        this.jaeger = elasticsearch.map(storage -> new Jaeger("jaeger", new Jaeger.Args(config, args.rendered()),
                child(concat(afterNamespace, storage))));
        jaeger.ifPresent(j -> outputs.put("jaegerCollectorOtlpEndpoint", j.collectorOtlpEndpoint));

        // Cloud Monitoring is on wherever there is a Google Cloud project; only thresholds and channels differ.
        this.monitoring = args.providers().gcp().map(gcp -> new TracingMonitoring("monitoring",
                TracingMonitoring.Args.of(config, args.rendered()), child()));
        registerOutputs(Map.copyOf(outputs));
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
