package dev.tracestack.component.jaeger;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import dev.tracestack.component.kubernetes.PodSpecs;
import dev.tracestack.config.FixedContainers;
import dev.tracestack.config.OAuthProxySettings;
import dev.tracestack.render.Names;
import dev.tracestack.render.jaeger.RenderedJaeger;
import dev.tracestack.wire.Ports;
import dev.tracestack.wire.WellKnownNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pure builders of the oauth2-proxy in front of the Jaeger UI: its credentials Secret (only when the stack
 * holds both Pulumi secrets; otherwise the pods wait for a Secret of that name created out of band), its
 * Deployment and its Service. The query Service is never exposed directly.
 */
final class OAuthProxy {

    static final String COMPONENT = "oauth2-proxy";
    private static final String NAME = RenderedJaeger.OAUTH_PROXY;
    private static final int PORT = RenderedJaeger.OAUTH_PROXY_PORT;
    private static final String IMAGE = "quay.io/oauth2-proxy/oauth2-proxy:";
    static final String COOKIE_NAME = "__Host-jaeger-oauth2";
    /** A session lasts a working day; its tokens are refreshed (and a removed user locked out) every hour. */
    static final String COOKIE_EXPIRE = "8h";
    static final String COOKIE_REFRESH = "1h";

    private OAuthProxy() {
    }

    static Map<String, String> labels(RenderedJaeger jaeger) {
        return jaeger.labels(COMPONENT, jaeger.settings().oauthProxy().version());
    }

    static Map<String, String> selector(RenderedJaeger jaeger) {
        return jaeger.selector(COMPONENT);
    }

    static Optional<SecretArgs> secret(RenderedJaeger jaeger) {
        OAuthProxySettings oauth = jaeger.settings().oauthProxy();
        if (!oauth.secretsSet()) {
            return Optional.empty();
        }
        return Optional.of(SecretArgs.builder()
                .metadata(PodSpecs.meta(NAME, jaeger.namespace(), labels(jaeger)))
                .type("Opaque")
                .stringData(Output.ofSecret(Map.of(
                        "client-secret", oauth.clientSecret().orElseThrow().value().orElseThrow(),
                        "cookie-secret", oauth.cookieSecret().orElseThrow().value().orElseThrow())))
                .build());
    }

    static DeploymentArgs deployment(RenderedJaeger jaeger) {
        OAuthProxySettings oauth = jaeger.settings().oauthProxy();
        List<String> args = new ArrayList<>(List.of(
                "--http-address=0.0.0.0:" + PORT,
                "--upstream=http://" + Names.serviceHost(WellKnownNames.JAEGER_QUERY_SERVICE, jaeger.namespace())
                        + ":" + Ports.JAEGER_UI + "/",
                "--provider=" + oauth.provider(),
                "--reverse-proxy=true",
                "--cookie-secure=true",
                // __Host-: only this host, path /, HTTPS; lax: sent on the return from sign-in, not on cross-site posts.
                "--cookie-name=" + COOKIE_NAME,
                "--cookie-samesite=lax",
                "--cookie-expire=" + COOKIE_EXPIRE,
                "--cookie-refresh=" + COOKIE_REFRESH,
                "--code-challenge-method=S256",
                "--skip-provider-button=true"));
        oauth.issuerUrl().ifPresent(url -> args.add("--oidc-issuer-url=" + url));
        oauth.emailDomains().forEach(domain -> args.add("--email-domain=" + domain));
        oauth.allowedGroups().forEach(group -> args.add("--allowed-group=" + group));
        var container = PodSpecs.container("oauth2-proxy", IMAGE + oauth.version())
                .args(args)
                .env(PodSpecs.env("OAUTH2_PROXY_CLIENT_ID", oauth.clientId().orElseThrow()),
                        PodSpecs.secretEnv("OAUTH2_PROXY_CLIENT_SECRET", NAME, "client-secret"),
                        PodSpecs.secretEnv("OAUTH2_PROXY_COOKIE_SECRET", NAME, "cookie-secret"))
                .ports(ContainerPortArgs.builder().name("http").containerPort(PORT).protocol("TCP").build())
                .resources(PodSpecs.resources(FixedContainers.OAUTH_PROXY))
                .readinessProbe(PodSpecs.httpProbe("/ready", PORT, 5))
                .livenessProbe(PodSpecs.httpProbe("/ping", PORT, 10))
                .build();
        return DeploymentArgs.builder()
                .metadata(PodSpecs.meta(NAME, jaeger.namespace(), labels(jaeger)))
                .spec(DeploymentSpecArgs.builder()
                        .replicas(jaeger.settings().query().replicas())
                        .selector(LabelSelectorArgs.builder().matchLabels(selector(jaeger)).build())
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(labels(jaeger))
                                        .annotations(Map.of(Names.PASSWORD_HASH_ANNOTATION, secretHash(oauth))).build())
                                .spec(PodSpecArgs.builder()
                                        .automountServiceAccountToken(false)
                                        .securityContext(PodSpecs.podSecurity())
                                        .topologySpreadConstraints(PodSpecs.spread(selector(jaeger)))
                                        .containers(container)
                                        .build())
                                .build())
                        .build())
                .build();
    }

    /**
     * The proxy reads its Secret only at start: the pods carry a hash of the secrets the stack holds, so new ones
     * roll them (a Secret made out of band is not known here; restart the proxy after changing it).
     */
    static String secretHash(OAuthProxySettings oauth) {
        return oauth.secretsSet() ? Names.hash8(oauth.clientSecret().orElseThrow().value().orElseThrow() + "\n"
                + oauth.cookieSecret().orElseThrow().value().orElseThrow()) : "out-of-band";
    }

    /** The load balancer's BackendConfig (HSTS) applies to the proxy's port. */
    static ServiceArgs service(RenderedJaeger jaeger) {
        return ServiceArgs.builder()
                .metadata(ObjectMetaArgs.builder(PodSpecs.meta(NAME, jaeger.namespace(), labels(jaeger)))
                        .annotations(Map.of(UiEdge.BACKEND_CONFIG_ANNOTATION,
                                "{\"default\": \"" + UiEdge.NAME + "\"}")).build())
                .spec(ServiceSpecArgs.builder().type("ClusterIP").selector(selector(jaeger))
                        .ports(ServicePortArgs.builder().name("http").port(PORT).targetPort("http").protocol("TCP")
                                .build())
                        .build())
                .build();
    }
}
