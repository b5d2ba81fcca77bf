package dev.tracestack.component;

import com.pulumi.Context;
import com.pulumi.gcp.ProviderArgs;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.RenderedStack;
import java.util.Optional;

/** The Pulumi program: the same under {@code pulumi up} and under the offline plan's mock engine. */
public final class TracingProgram {

    private TracingProgram() {
    }

    /** Renders the stack's artifacts, creates the explicit providers and the {@link TracingStack}. */
    public static TracingStack define(Context ctx, StackConfig config, RenderedStack rendered) {
        var kubernetes = new com.pulumi.kubernetes.Provider("kubernetes", com.pulumi.kubernetes.ProviderArgs.builder()
                .context(config.kubernetes().context().orElse(null))
                // Server-side apply lets Kubernetes merge fields other controllers (HPA, ECK) own.
                .enableServerSideApply(true)
                .build());
        var gcp = new com.pulumi.gcp.Provider("gcp", ProviderArgs.builder()
                .project(config.gcp().project())
                .region(config.gcp().region())
                .defaultLabels(java.util.Map.of(
                        "managed-by", "tracestack",
                        "environment", config.environment().id()))
                .build());
        var stack = new TracingStack("tracestack",
                new TracingStack.Args(config, rendered, new Providers(Optional.of(kubernetes), Optional.of(gcp))));
        ctx.export("environment", com.pulumi.core.Output.of(config.environment().id()));
        stack.gcpIdentity.ifPresent(identity ->
                ctx.export("collectorServiceAccountEmail", identity.collectorServiceAccountEmail));
        stack.gcpTraceSinks.ifPresent(sinks -> {
            ctx.export("tracesTopic", sinks.topicName);
            ctx.export("tracesDataset", sinks.datasetId);
        });
        stack.collector.ifPresent(collector -> {
            ctx.export("collectorOtlpGrpcEndpoint", collector.otlpGrpcEndpoint());
            ctx.export("collectorOtlpHttpEndpoint", collector.otlpHttpEndpoint());
            collector.zipkinEndpoint().ifPresent(zipkin -> ctx.export("collectorZipkinEndpoint", zipkin));
        });
        return stack;
    }
}
