package dev.tracestack.component.jaeger;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.tracestack.component.kubernetes.PodSpecs;
import dev.tracestack.config.ContainerResources;
import dev.tracestack.config.FixedContainers;
import dev.tracestack.config.OAuthProxySettings;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Names;
import dev.tracestack.wire.Ports;
import dev.tracestack.wire.WellKnownNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The oauth2-proxy in front of the Jaeger UI: its credentials Secret (only when the stack holds both
 * Pulumi secrets; otherwise the pods wait for a Secret of that name created out of band), Deployment
 * and Service. The query Service is never exposed directly.
 */
final class OAuthProxyFactory {

    static final String NAME = "jaeger-oauth2-proxy";
    static final int PORT = 4180;
    private static final String IMAGE = "quay.io/oauth2-proxy/oauth2-proxy:";
    private static final ContainerResources RESOURCES = FixedContainers.OAUTH_PROXY;

    private OAuthProxyFactory() {
    }

    static Optional<Secret> secret(OAuthProxySettings oauth, String namespace, Map<String, String> labels,
                                   CustomResourceOptions options) {
        if (!oauth.secretsSet()) {
            return Optional.empty();
        }
        return Optional.of(new Secret(NAME, SecretArgs.builder()
                .metadata(PodSpecs.meta(NAME, namespace, labels))
                .type("Opaque")
                .stringData(Output.ofSecret(Map.of(
                        "client-secret", oauth.clientSecret().orElseThrow().value().orElseThrow(),
                        "cookie-secret", oauth.cookieSecret().orElseThrow().value().orElseThrow())))
                .build(), options));
    }

    static Deployment deployment(StackConfig config, Map<String, String> labels, Map<String, String> selector,
                                 CustomResourceOptions options) {
        OAuthProxySettings oauth = config.jaeger().oauthProxy();
        String namespace = config.kubernetes().namespace();
        List<String> args = new ArrayList<>(List.of(
                "--http-address=0.0.0.0:" + PORT,
                "--upstream=http://" + Names.serviceHost(WellKnownNames.JAEGER_QUERY_SERVICE, namespace) + ":"
                        + Ports.JAEGER_UI + "/",
                "--provider=" + oauth.provider(),
                "--reverse-proxy=true",
                "--cookie-secure=true",
                "--skip-provider-button=true"));
        oauth.issuerUrl().ifPresent(url -> args.add("--oidc-issuer-url=" + url));
        oauth.emailDomains().forEach(domain -> args.add("--email-domain=" + domain));
        var container = PodSpecs.container("oauth2-proxy", IMAGE + oauth.version())
                .args(args)
                .env(PodSpecs.env("OAUTH2_PROXY_CLIENT_ID", oauth.clientId().orElseThrow()),
                        PodSpecs.secretEnv("OAUTH2_PROXY_CLIENT_SECRET", NAME, "client-secret"),
                        PodSpecs.secretEnv("OAUTH2_PROXY_COOKIE_SECRET", NAME, "cookie-secret"))
                .ports(ContainerPortArgs.builder().name("http").containerPort(PORT).protocol("TCP").build())
                .resources(PodSpecs.resources(RESOURCES))
                .readinessProbe(PodSpecs.httpProbe("/ready", PORT, 5))
                .livenessProbe(PodSpecs.httpProbe("/ping", PORT, 10))
                .build();
        return new Deployment(NAME, DeploymentArgs.builder()
                .metadata(PodSpecs.meta(NAME, namespace, labels))
                .spec(DeploymentSpecArgs.builder()
                        .replicas(config.jaeger().query().replicas())
                        .selector(LabelSelectorArgs.builder().matchLabels(selector).build())
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(labels).build())
                                .spec(PodSpecArgs.builder()
                                        .automountServiceAccountToken(false)
                                        .securityContext(PodSpecs.podSecurity())
                                        .containers(container)
                                        .build())
                                .build())
                        .build())
                .build(), options);
    }

    static Service service(String namespace, Map<String, String> labels, Map<String, String> selector,
                           CustomResourceOptions options) {
        return new Service(NAME, ServiceArgs.builder()
                .metadata(PodSpecs.meta(NAME, namespace, labels))
                .spec(ServiceSpecArgs.builder().type("ClusterIP").selector(selector)
                        .ports(ServicePortArgs.builder().name("http").port(PORT).targetPort("http").protocol("TCP")
                                .build())
                        .build())
                .build(), options);
    }
}
