package dev.tracestack.component.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.projects.IAMMember;
import com.pulumi.gcp.projects.IAMMemberArgs;
import com.pulumi.gcp.projects.Service;
import com.pulumi.gcp.projects.ServiceArgs;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.tracestack.render.GcpApis;
import dev.tracestack.render.Names;
import dev.tracestack.render.RenderedIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The project's side of the stack: the APIs its parts call, and the collector's Google service account
 * bound to the collector's Kubernetes ServiceAccount through Workload Identity, with the project roles
 * the collector's {@code googlecloud} exporter needs. No key is ever created for the account.
 */
public final class GcpIdentity extends ComponentResource {

    public static final String TYPE = "tracestack:gcp:GcpIdentity";

    /** The collector's Google service account email: the INPUT the OtelCollector puts on its KSA. */
    public final Output<String> collectorServiceAccountEmail;
    /** The enabled APIs; resources that call an API wait for these. */
    public final List<Resource> apis;

    /** @param identity the project, its APIs and the collector's account, rendered */
    public record Args(RenderedIdentity identity) {
    }

    public GcpIdentity(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        RenderedIdentity identity = args.identity();
        String project = identity.project();
        List<Resource> enabled = new ArrayList<>();
        for (String api : identity.apis()) {
            enabled.add(new Service(Names.child(name, "api-" + GcpApis.shortName(api)), ServiceArgs.builder()
                    .project(project)
                    .service(api)
                    // Other workloads in the project may use the same API: destroying the stack must not cut them off.
                    .disableOnDestroy(false)
                    .disableDependentServices(false)
                    .build(), child()));
        }
        this.apis = List.copyOf(enabled);
        CustomResourceOptions afterApis = CustomResourceOptions.builder().parent(this).dependsOn(apis).build();

        var account = new Account(Names.child(name, "collector"), AccountArgs.builder()
                .project(project)
                .accountId(RenderedIdentity.COLLECTOR_ACCOUNT_ID)
                .displayName("tracestack OpenTelemetry collector (" + identity.environment() + ")")
                .description("Used by the otel-collector pods through Workload Identity; has no keys.")
                .build(), afterApis);
        this.collectorServiceAccountEmail = account.email();
        Output<String> member = GcpRoles.member(account.email());

        new com.pulumi.gcp.serviceaccount.IAMMember(Names.child(name, "collector-workload-identity"),
                com.pulumi.gcp.serviceaccount.IAMMemberArgs.builder()
                        .serviceAccountId(account.name())
                        .role(GcpRoles.WORKLOAD_IDENTITY_USER)
                        .member(identity.collectorWorkloadIdentity())
                        .build(), afterApis);
        if (identity.writesTraces()) {
            projectRole(Names.child(name, "collector-trace-agent"), project, GcpRoles.CLOUD_TRACE_AGENT, member,
                    afterApis);
        }
        projectRole(Names.child(name, "collector-metric-writer"), project, GcpRoles.MONITORING_METRIC_WRITER, member,
                afterApis);
        registerOutputs(Map.of("collectorServiceAccountEmail", collectorServiceAccountEmail));
    }

    private static void projectRole(String name, String project, String role, Output<String> member,
                                    CustomResourceOptions options) {
        new IAMMember(name, IAMMemberArgs.builder().project(project).role(role).member(member).build(), options);
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
