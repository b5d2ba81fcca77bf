package dev.tracestack.component.jaeger;

import com.pulumi.kubernetes.networking.v1.IngressArgs;
import com.pulumi.kubernetes.networking.v1.inputs.HTTPIngressPathArgs;
import com.pulumi.kubernetes.networking.v1.inputs.HTTPIngressRuleValueArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressServiceBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressSpecArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressTLSArgs;
import com.pulumi.kubernetes.networking.v1.inputs.ServiceBackendPortArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import dev.tracestack.component.kubernetes.PodSpecs;
import dev.tracestack.render.jaeger.RenderedJaeger;
import dev.tracestack.wire.Ports;
import dev.tracestack.wire.WellKnownNames;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pure builder of the UI's Ingress: HTTPS only (no plain HTTP listener), with the certificate Google manages
 * for the host or the configured Secret, and the TLS policy of {@link UiEdge}. With the oauth2-proxy on, every path
 * goes to the proxy (it also serves {@code /oauth2/*}); without it, only the UI's base path goes to the query
 * Service.
 */
final class UiIngress {

    private UiIngress() {
    }

    static IngressArgs ingress(RenderedJaeger jaeger, String host) {
        boolean proxied = jaeger.settings().oauthProxy().enabled();
        String service = proxied ? RenderedJaeger.OAUTH_PROXY : WellKnownNames.JAEGER_QUERY_SERVICE;
        int port = proxied ? RenderedJaeger.OAUTH_PROXY_PORT : Ports.JAEGER_UI;
        String path = proxied ? "/" : jaeger.settings().uiBasePath();
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(UiEdge.ALLOW_HTTP_ANNOTATION, "false");
        annotations.put(UiEdge.FRONTEND_CONFIG_ANNOTATION, UiEdge.NAME);
        if (jaeger.settings().tlsSecret().isEmpty()) {
            annotations.put(UiEdge.MANAGED_CERTIFICATES_ANNOTATION, UiEdge.NAME);
        }
        IngressSpecArgs.Builder spec = IngressSpecArgs.builder();
        jaeger.settings().tlsSecret().ifPresent(secret ->
                spec.tls(IngressTLSArgs.builder().hosts(host).secretName(secret).build()));
        return IngressArgs.builder()
                .metadata(ObjectMetaArgs.builder(PodSpecs.meta(RenderedJaeger.UI_INGRESS, jaeger.namespace(),
                        jaeger.labels("ui", jaeger.settings().version()))).annotations(annotations).build())
                .spec(spec
                        .rules(IngressRuleArgs.builder().host(host).http(HTTPIngressRuleValueArgs.builder()
                                .paths(HTTPIngressPathArgs.builder().path(path).pathType("Prefix")
                                        .backend(IngressBackendArgs.builder().service(IngressServiceBackendArgs
                                                .builder().name(service)
                                                .port(ServiceBackendPortArgs.builder().number(port).build())
                                                .build()).build())
                                        .build())
                                .build()).build())
                        .build())
                .build();
    }
}
