package dev.tracestack.component.elasticsearch;

import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import dev.tracestack.render.elasticsearch.RenderedElasticsearch;
import java.util.List;
import java.util.Map;

/**
 * The pure builder of the ECK operator's Helm release: it watches only the stack's namespace, runs two
 * replicas (one leads, the other takes over), and runs non-root under the runtime's seccomp profile.
 */
final class EckOperator {

    static final int REPLICAS = 2;

    private EckOperator() {
    }

    static ReleaseArgs release(RenderedElasticsearch es, String version) {
        return ReleaseArgs.builder()
                .name(RenderedElasticsearch.ECK_OPERATOR)
                .chart(RenderedElasticsearch.ECK_OPERATOR)
                .version(version)
                .repositoryOpts(RepositoryOptsArgs.builder().repo("https://helm.elastic.co").build())
                .namespace(Elasticsearch.OPERATOR_NAMESPACE)
                .createNamespace(true)
                .atomic(true)
                .values(values(es))
                .build();
    }

    /** The chart's values (eck-operator chart: managedNamespaces, replicaCount, the two security contexts). */
    static Map<String, Object> values(RenderedElasticsearch es) {
        Map<String, Object> seccomp = Map.of("type", "RuntimeDefault");
        return Map.of(
                "managedNamespaces", List.of(es.namespace()),
                "replicaCount", REPLICAS,
                "podSecurityContext", Map.of("runAsNonRoot", true, "seccompProfile", seccomp),
                "securityContext", Map.of(
                        "allowPrivilegeEscalation", false,
                        "capabilities", Map.of("drop", List.of("ALL")),
                        "readOnlyRootFilesystem", true,
                        "runAsNonRoot", true,
                        "seccompProfile", seccomp));
    }
}
