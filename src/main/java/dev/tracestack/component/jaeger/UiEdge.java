package dev.tracestack.component.jaeger;

import com.pulumi.gcp.compute.SSLPolicyArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import dev.tracestack.component.elasticsearch.KubernetesCustomResource;
import dev.tracestack.render.jaeger.RenderedJaeger;
import java.util.List;
import java.util.Map;

/**
 * Pure builders of what GKE's load balancer needs to serve the UI safely: a certificate Google manages for the
 * host (unless the stack names its own Secret), a TLS policy that refuses anything older than TLS 1.2, the
 * FrontendConfig that applies it, and the BackendConfig that adds HSTS to every response. The Ingress turns the
 * plain HTTP listener off.
 */
final class UiEdge {

    static final String NAME = RenderedJaeger.UI_INGRESS;
    static final String HSTS = "Strict-Transport-Security: max-age=31536000; includeSubDomains";
    static final String FRONTEND_CONFIG_ANNOTATION = "networking.gke.io/v1beta1.FrontendConfig";
    static final String MANAGED_CERTIFICATES_ANNOTATION = "networking.gke.io/managed-certificates";
    static final String BACKEND_CONFIG_ANNOTATION = "cloud.google.com/backend-config";
    static final String ALLOW_HTTP_ANNOTATION = "kubernetes.io/ingress.allow-http";

    private UiEdge() {
    }

    /** The load balancer's TLS policy, a Google Cloud resource named per environment. */
    static SSLPolicyArgs tlsPolicy(RenderedJaeger jaeger) {
        return SSLPolicyArgs.builder()
                .name(policyName(jaeger))
                .description("Jaeger UI of " + jaeger.environment() + ": TLS 1.2 or later, modern ciphers")
                .minTlsVersion("TLS_1_2")
                .profile("MODERN")
                .build();
    }

    static String policyName(RenderedJaeger jaeger) {
        return "tracestack-jaeger-ui-" + jaeger.environment();
    }

    static KubernetesCustomResource.Args managedCertificate(RenderedJaeger jaeger, String host) {
        return new KubernetesCustomResource.Args("networking.gke.io/v1", "ManagedCertificate", meta(jaeger),
                Map.of("domains", List.of(host)));
    }

    static KubernetesCustomResource.Args frontendConfig(RenderedJaeger jaeger) {
        return new KubernetesCustomResource.Args("networking.gke.io/v1beta1", "FrontendConfig", meta(jaeger),
                Map.of("sslPolicy", policyName(jaeger)));
    }

    static KubernetesCustomResource.Args backendConfig(RenderedJaeger jaeger) {
        return new KubernetesCustomResource.Args("cloud.google.com/v1", "BackendConfig", meta(jaeger),
                Map.of("customResponseHeaders", Map.of("headers", List.of(HSTS))));
    }

    private static ObjectMetaArgs meta(RenderedJaeger jaeger) {
        return ObjectMetaArgs.builder().name(NAME).namespace(jaeger.namespace())
                .labels(jaeger.labels("ui", jaeger.settings().version())).build();
    }
}
