package dev.tracestack.component;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.RenderedStack;
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

    /** Cloud Monitoring; present wherever the stack runs on Google Cloud. */
    public final Optional<TracingMonitoring> monitoring;

    public TracingStack(String name, Args args) {
        super(TYPE, name, ComponentResourceOptions.builder().providers(args.providers().all()).build());
        // Cloud Monitoring is on wherever there is a Google Cloud project; only thresholds and channels differ.
        this.monitoring = args.providers().gcp().map(gcp -> new TracingMonitoring("monitoring",
                TracingMonitoring.Args.of(args.config(), args.rendered()),
                ComponentResourceOptions.builder().parent(this).build()));
        registerOutputs(Map.of());
    }
}
