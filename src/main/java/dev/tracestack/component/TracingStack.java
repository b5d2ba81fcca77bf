package dev.tracestack.component;

import com.pulumi.resources.ComponentResource;
import dev.tracestack.component.elasticsearch.Elasticsearch;
import dev.tracestack.component.jaeger.Jaeger;
import com.pulumi.resources.ComponentResourceOptions;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.RenderedStack;
import java.util.Map;

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

    public TracingStack(String name, Args args) {
        super(TYPE, name, ComponentResourceOptions.builder().providers(args.providers().all()).build());
        if (args.config().jaeger().enabled()) {
            var storage = new Elasticsearch("elasticsearch", new Elasticsearch.Args(args.config(), args.rendered()),
                    ComponentResourceOptions.builder().parent(this).build());
            new Jaeger("jaeger", new Jaeger.Args(args.config(), args.rendered()),
                    ComponentResourceOptions.builder().parent(this).dependsOn(storage).build());
        }
        registerOutputs(Map.of());
    }
}
