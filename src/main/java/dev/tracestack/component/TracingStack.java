package dev.tracestack.component;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.tracestack.component.collector.OtelCollector;
import dev.tracestack.component.elasticsearch.Elasticsearch;
import dev.tracestack.component.jaeger.Jaeger;
import dev.tracestack.component.local.LocalArtifacts;
import dev.tracestack.component.local.LocalStack;
import dev.tracestack.config.Platform;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.RenderedStack;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The whole tracing stack of one environment: the only place that knows which parts an environment
 * has. Every part is a child component created with the stack's explicit providers. The platform
 * decides where the rendered artifacts go: Kubernetes parts on a cluster, one {@link LocalStack} on
 * Docker.
 */
public final class TracingStack extends ComponentResource {

    public static final String TYPE = "tracestack:index:TracingStack";

    /**
     * @param config    the validated stack config
     * @param rendered  every artifact rendered from that config
     * @param providers the explicit providers children are created with
     */
    public record Args(StackConfig config, RenderedStack rendered, Providers providers) {
    }

    /** The collector, on every stack with a Kubernetes cluster. */
    public final Optional<OtelCollector> collector;
    /** The whole stack on Docker, on a docker stack. */
    public final Optional<LocalStack> local;
    private final Map<String, Output<String>> exports = new LinkedHashMap<>();

    public TracingStack(String name, Args args) {
        super(TYPE, name, ComponentResourceOptions.builder().providers(args.providers().all()).build());
        StackConfig config = args.config();
        Map<String, Output<?>> outputs = new LinkedHashMap<>();

        this.collector = args.providers().kubernetes().map(k8s -> new OtelCollector("otel-collector",
                new OtelCollector.Args(config, args.rendered(), Optional.empty()), part()));
        collector.ifPresent(c -> outputs.put("collectorOtlpGrpcEndpoint", c.otlpGrpcEndpoint()));
        if (config.platform() == Platform.KUBERNETES && config.jaeger().enabled()) {
            var storage = new Elasticsearch("elasticsearch", new Elasticsearch.Args(config, args.rendered()), part());
            new Jaeger("jaeger", new Jaeger.Args(config, args.rendered()),
                    ComponentResourceOptions.builder().parent(this).dependsOn(storage).build());
        }

        this.local = config.platform() == Platform.DOCKER
                ? Optional.of(new LocalStack("local",
                        new LocalStack.Args(config, LocalArtifacts.of(config, args.rendered())), part()))
                : Optional.empty();
        local.ifPresent(l -> exports.putAll(l.urls()));

        outputs.putAll(exports);
        registerOutputs(outputs);
    }

    /** The stack outputs the local part offers (its URLs), by output name. */
    public Map<String, Output<String>> exports() {
        return exports;
    }

    private ComponentResourceOptions part() {
        return ComponentResourceOptions.builder().parent(this).build();
    }
}
