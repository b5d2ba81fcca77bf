package dev.tracestack.component;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.tracestack.component.local.LocalArtifacts;
import dev.tracestack.component.local.LocalStack;
import dev.tracestack.config.Platform;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.RenderedStack;
import java.util.LinkedHashMap;
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

    private final Map<String, Output<String>> exports = new LinkedHashMap<>();

    public TracingStack(String name, Args args) {
        super(TYPE, name, ComponentResourceOptions.builder().providers(args.providers().all()).build());
        StackConfig config = args.config();
        if (config.platform() == Platform.DOCKER) {
            var local = new LocalStack("local",
                    new LocalStack.Args(config, LocalArtifacts.of(config, args.rendered())), part());
            exports.putAll(local.urls());
        }
        registerOutputs(new LinkedHashMap<String, Output<?>>(exports));
    }

    /** The stack outputs the parts offer (endpoints and URLs), by output name. */
    public Map<String, Output<String>> exports() {
        return exports;
    }

    private ComponentResourceOptions part() {
        return ComponentResourceOptions.builder().parent(this).build();
    }
}
