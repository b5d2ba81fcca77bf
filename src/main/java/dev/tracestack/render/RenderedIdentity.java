package dev.tracestack.render;

import dev.tracestack.config.StackConfig;
import dev.tracestack.wire.WellKnownNames;
import java.util.List;

/**
 * The project's side of a cluster stack: the APIs its parts call and the collector's Google service account,
 * bound to the collector's Kubernetes ServiceAccount through Workload Identity.
 *
 * @param project     the Google Cloud project
 * @param environment the environment, named in the account's display name
 * @param namespace   the namespace of the collector's Kubernetes ServiceAccount
 * @param apis        the APIs to enable ({@link GcpApis#required})
 * @param writesTraces whether the collector exports to Cloud Trace (and so needs the trace agent role)
 */
public record RenderedIdentity(String project, String environment, String namespace, List<String> apis,
                               boolean writesTraces) {

    /** The collector's Google service account id; the project is per environment, so no suffix. */
    public static final String COLLECTOR_ACCOUNT_ID = "tracestack-collector";

    public RenderedIdentity {
        apis = List.copyOf(apis);
    }

    public static RenderedIdentity of(StackConfig config) {
        return new RenderedIdentity(config.gcp().project(), config.environment().id(),
                config.kubernetes().namespace(), GcpApis.required(config), config.exporters().cloudTrace());
    }

    /** The Workload Identity principal of the collector's Kubernetes ServiceAccount. */
    public String collectorWorkloadIdentity() {
        return Names.workloadIdentityMember(project, namespace, WellKnownNames.COLLECTOR_SERVICE_ACCOUNT);
    }
}
