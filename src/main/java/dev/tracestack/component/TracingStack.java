package dev.tracestack.component;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.tracestack.component.collector.OtelCollector;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.RenderedStack;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The whole tracing stack of one environment: the only place that knows which parts an environment
 * has. Every part is a child component created with the stack's explicit providers.
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

    public TracingStack(String name, Args args) {
        super(TYPE, name, ComponentResourceOptions.builder().providers(args.providers().all()).build());
        Map<String, Output<?>> outputs = new LinkedHashMap<>();

        this.collector = args.providers().kubernetes().map(k8s -> new OtelCollector("otel-collector",
                new OtelCollector.Args(args.config(), args.rendered(), Optional.empty()),
                ComponentResourceOptions.builder().parent(this).build()));
        collector.ifPresent(c -> outputs.put("collectorOtlpGrpcEndpoint", c.otlpGrpcEndpoint()));

        registerOutputs(outputs);
    }
}
