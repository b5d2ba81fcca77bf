package dev.tracestack.component.jaeger;

import com.pulumi.core.Output;
import com.pulumi.gcp.compute.SSLPolicy;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscaler;
import com.pulumi.kubernetes.batch.v1.CronJob;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.networking.v1.Ingress;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudget;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.tracestack.component.Renamed;
import dev.tracestack.component.elasticsearch.KubernetesCustomResource;
import dev.tracestack.component.kubernetes.WorkloadPolicies;
import dev.tracestack.render.Names;
import dev.tracestack.render.jaeger.JaegerRole;
import dev.tracestack.render.jaeger.RenderedJaeger;
import dev.tracestack.wire.WellKnownNames;
import java.util.Map;
import java.util.Optional;

/**
 * Jaeger v2 on Kubernetes: a collector role (OTLP in, Elasticsearch out, sampling strategies for SDKs)
 * and a query role (UI and API) that scale separately, the oauth2-proxy in front of the UI, an optional
 * Ingress, and the daily dependency-graph job. Children are {@code <name>-<role>}; the pure builders
 * ({@link JaegerRoles}, {@link OAuthProxy}, {@link UiIngress}, {@link DependenciesCronJob},
 * {@link JaegerNetworkPolicies}) make their args.
 */
public final class Jaeger extends ComponentResource {

    public static final String TYPE = "tracestack:jaeger:Jaeger";

    /** The collector role's Service; the tracestack collector's {@code otlp_grpc/jaeger} exporter targets it. */
    public final Service collectorService;
    public final Service queryService;
    public final Deployment collector;
    public final Deployment query;
    /** {@code host:port} of the collector role's OTLP gRPC receiver, as the collector's exporter has it. */
    public final Output<String> collectorOtlpEndpoint;

    /**
     * @param jaeger         the rendered roles, proxy, Ingress and dependencies job
     * @param indicesReady   what has created Jaeger's indices and aliases; both roles start after it
     * @param passwordHashes the hash of each Elasticsearch user's password, by the user's key
     */
    public record Args(RenderedJaeger jaeger, Resource indicesReady, Map<String, Output<String>> passwordHashes) {
    }

    public Jaeger(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        RenderedJaeger jaeger = args.jaeger();
        String namespace = jaeger.namespace();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        CustomResourceOptions afterIndices = CustomResourceOptions.builder().parent(this)
                .dependsOn(args.indicesReady()).build();

        JaegerRole collectorRole = jaeger.collector();
        this.collector = role(name, collectorRole, args, child, afterIndices, "jaeger-collector");
        this.collectorService = new Service(Names.child(name, "collector-service"),
                JaegerRoles.service(collectorRole, namespace), Renamed.from("jaeger-collector", child));
        new HorizontalPodAutoscaler(Names.child(name, "collector-autoscaler"), WorkloadPolicies.autoscaler(
                collectorRole.service(), namespace, collectorRole.labels(), collectorRole.settings().replicas(),
                collectorRole.settings().maxReplicas()), Renamed.from("jaeger-collector", child));
        disruptionBudget(name, collectorRole, namespace, child, "jaeger-collector");
        new NetworkPolicy(Names.child(name, "collector-network-policy"), JaegerNetworkPolicies.collector(jaeger),
                Renamed.from("jaeger-collector-ingress", child));

        JaegerRole queryRole = jaeger.query();
        this.query = role(name, queryRole, args, child, afterIndices, "jaeger-query");
        this.queryService = new Service(Names.child(name, "query-service"),
                JaegerRoles.service(queryRole, namespace), Renamed.from("jaeger-query", child));
        disruptionBudget(name, queryRole, namespace, child, "jaeger-query");
        new NetworkPolicy(Names.child(name, "query-network-policy"), JaegerNetworkPolicies.query(jaeger),
                Renamed.from("jaeger-query-ingress", child));

        if (jaeger.settings().oauthProxy().enabled()) {
            oauthProxy(name, jaeger, child);
        }
        jaeger.settings().ingressHost().ifPresent(host -> uiEdge(name, jaeger, host, child));
        new CronJob(Names.child(name, "spark-dependencies"), DependenciesCronJob.cronJob(jaeger), child);
        new NetworkPolicy(Names.child(name, "spark-dependencies-network-policy"),
                JaegerNetworkPolicies.dependencies(jaeger), child);

        this.collectorOtlpEndpoint = Output.of(jaeger.collectorOtlpEndpoint());
        registerOutputs(Map.of(
                "collectorOtlpEndpoint", collectorOtlpEndpoint,
                "queryService", Output.of(WellKnownNames.JAEGER_QUERY_SERVICE)));
    }

    /**
     * A role's ConfigMap and Deployment; the pods mount the ConfigMap by its hashed name.
     *
     * @param oldName what the role's Deployment, Service, autoscaler and budget were all registered as
     */
    private Deployment role(String name, JaegerRole role, Args args, CustomResourceOptions child,
                            CustomResourceOptions afterIndices, String oldName) {
        RenderedJaeger jaeger = args.jaeger();
        var configMap = new ConfigMap(Names.child(name, role.component() + "-config"),
                JaegerRoles.configMap(role, jaeger.namespace()), child);
        return new Deployment(Names.child(name, role.component() + "-workload"),
                JaegerRoles.deployment(role, configMap.metadata().applyValue(m -> m.name().orElseThrow()),
                        args.passwordHashes().get(role.esUser().key()), jaeger.namespace(),
                        jaeger.settings().image()),
                Renamed.from(oldName, afterIndices));
    }

    private void disruptionBudget(String name, JaegerRole role, String namespace, CustomResourceOptions child,
                                  String oldName) {
        new PodDisruptionBudget(Names.child(name, role.component() + "-disruption-budget"),
                WorkloadPolicies.disruptionBudget(role.service(), namespace, role.labels(), role.selector()),
                Renamed.from(oldName, child));
    }

    /** The Ingress and what the load balancer needs to serve it over TLS 1.2+ with HSTS. */
    private void uiEdge(String name, RenderedJaeger jaeger, String host, CustomResourceOptions child) {
        var policy = new SSLPolicy(Names.child(name, "ui-tls-policy"), UiEdge.tlsPolicy(jaeger), child);
        var frontend = new KubernetesCustomResource(Names.child(name, "ui-frontend-config"),
                UiEdge.frontendConfig(jaeger), CustomResourceOptions.builder().parent(this).dependsOn(policy).build());
        if (jaeger.settings().tlsSecret().isEmpty()) {
            new KubernetesCustomResource(Names.child(name, "ui-certificate"), UiEdge.managedCertificate(jaeger, host),
                    child);
        }
        new Ingress(Names.child(name, "ui"), UiIngress.ingress(jaeger, host),
                CustomResourceOptions.builder().parent(this).dependsOn(frontend).build());
    }

    /** The proxy's Deployment waits for the Secret it reads, where the stack creates that Secret. */
    private void oauthProxy(String name, RenderedJaeger jaeger, CustomResourceOptions child) {
        Optional<Secret> secret = OAuthProxy.secret(jaeger).map(args -> new Secret(
                Names.child(name, OAuthProxy.COMPONENT + "-secret"), args,
                Renamed.from("jaeger-oauth2-proxy", child)));
        CustomResourceOptions afterSecret = secret.<CustomResourceOptions>map(s ->
                CustomResourceOptions.builder().parent(this).dependsOn(s).build()).orElse(child);
        new Deployment(Names.child(name, OAuthProxy.COMPONENT + "-workload"), OAuthProxy.deployment(jaeger),
                Renamed.from("jaeger-oauth2-proxy", afterSecret));
        var backend = new KubernetesCustomResource(Names.child(name, "ui-backend-config"), UiEdge.backendConfig(jaeger),
                child);
        new Service(Names.child(name, OAuthProxy.COMPONENT + "-service"), OAuthProxy.service(jaeger),
                Renamed.from("jaeger-oauth2-proxy", CustomResourceOptions.builder().parent(this).dependsOn(backend)
                        .build()));
        new PodDisruptionBudget(Names.child(name, OAuthProxy.COMPONENT + "-disruption-budget"),
                WorkloadPolicies.disruptionBudget(RenderedJaeger.OAUTH_PROXY, jaeger.namespace(),
                        OAuthProxy.labels(jaeger), OAuthProxy.selector(jaeger)), child);
        new NetworkPolicy(Names.child(name, OAuthProxy.COMPONENT + "-network-policy"),
                JaegerNetworkPolicies.oauthProxy(jaeger), Renamed.from("jaeger-oauth2-proxy-ingress", child));
    }
}
