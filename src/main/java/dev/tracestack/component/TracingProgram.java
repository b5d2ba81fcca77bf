package dev.tracestack.component;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.gcp.ProviderArgs;
import dev.tracestack.config.Platform;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.RenderedStack;
import java.util.Map;
import java.util.Optional;

/** The Pulumi program: the same under {@code pulumi up} and under the offline plan's mock engine. */
public final class TracingProgram {

    private TracingProgram() {
    }

    /** Renders the stack's artifacts, creates the platform's explicit providers and the {@link TracingStack}. */
    public static TracingStack define(Context ctx, StackConfig config, RenderedStack rendered) {
        boolean docker = config.platform() == Platform.DOCKER;
        var providers = new Providers(
                docker ? Optional.empty() : Optional.of(kubernetes(config)),
                docker && config.gcp().project().isEmpty() ? Optional.empty() : Optional.of(gcp(config)),
                docker ? Optional.of(docker(config)) : Optional.empty());
        var stack = new TracingStack("tracestack", new TracingStack.Args(config, rendered, providers));
        ctx.export("environment", Output.of(config.environment().id()));
        ctx.export("platform", Output.of(config.platform().id()));
        stack.exports().forEach(ctx::export);
        return stack;
    }

    private static com.pulumi.kubernetes.Provider kubernetes(StackConfig config) {
        return new com.pulumi.kubernetes.Provider("kubernetes", com.pulumi.kubernetes.ProviderArgs.builder()
                .context(config.kubernetes().context().orElse(null))
                // Server-side apply lets Kubernetes merge fields other controllers (HPA, ECK) own.
                .enableServerSideApply(true)
                .build());
    }

    private static com.pulumi.gcp.Provider gcp(StackConfig config) {
        return new com.pulumi.gcp.Provider("gcp", ProviderArgs.builder()
                .project(config.gcp().project())
                .region(config.gcp().region())
                .defaultLabels(Map.of(
                        "managed-by", "tracestack",
                        "environment", config.environment().id()))
                .build());
    }

    private static com.pulumi.docker.Provider docker(StackConfig config) {
        return new com.pulumi.docker.Provider("docker", com.pulumi.docker.ProviderArgs.builder()
                .host(config.local().dockerHost())
                .build());
    }
}
