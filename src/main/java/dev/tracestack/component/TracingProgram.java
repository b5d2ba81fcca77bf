package dev.tracestack.component;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.gcp.ProviderArgs;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.StackTarget;

/** The Pulumi program: the same under {@code pulumi up} and under the offline plan's mock engine. */
public final class TracingProgram {

    private TracingProgram() {
    }

    /** Creates the platform's explicit providers and the {@link TracingStack} from a rendered stack. */
    public static TracingStack define(Context ctx, RenderedStack rendered) {
        StackTarget target = rendered.target();
        var providers = new Providers(
                target.kubernetes().map(TracingProgram::kubernetes),
                target.gcp().map(TracingProgram::gcp),
                target.docker().map(TracingProgram::docker),
                rendered.elasticsearch().map(storage -> RandomPassword.provider()));
        var stack = new TracingStack("tracestack", new TracingStack.Args(rendered, providers));
        ctx.export("environment", Output.of(target.environment()));
        ctx.export("platform", Output.of(target.platform()));
        stack.exports().forEach(ctx::export);
        return stack;
    }

    private static com.pulumi.kubernetes.Provider kubernetes(StackTarget.Kubernetes cluster) {
        return new com.pulumi.kubernetes.Provider("kubernetes", com.pulumi.kubernetes.ProviderArgs.builder()
                .context(cluster.context().orElse(null))
                // Server-side apply lets Kubernetes merge fields other controllers (HPA, ECK) own.
                .enableServerSideApply(true)
                .build());
    }

    private static com.pulumi.gcp.Provider gcp(StackTarget.Gcp project) {
        return new com.pulumi.gcp.Provider("gcp", ProviderArgs.builder()
                .project(project.project())
                .region(project.region())
                .defaultLabels(project.labels())
                .build());
    }

    private static com.pulumi.docker.Provider docker(StackTarget.Docker engine) {
        return new com.pulumi.docker.Provider("docker", com.pulumi.docker.ProviderArgs.builder()
                .host(engine.host())
                .build());
    }
}
