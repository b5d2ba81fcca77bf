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
import dev.tracestack.component.kubernetes.PodSpecs;
import dev.tracestack.render.jaeger.RenderedJaeger;
import dev.tracestack.wire.Ports;
import dev.tracestack.wire.WellKnownNames;

/**
 * The pure builder of the UI's Ingress, TLS only. With the oauth2-proxy on, every path goes to the proxy (it
 * also serves {@code /oauth2/*}); without it, only the UI's base path goes to the query Service.
 */
final class UiIngress {

    private UiIngress() {
    }

    static IngressArgs ingress(RenderedJaeger jaeger, String host) {
        boolean proxied = jaeger.settings().oauthProxy().enabled();
        String service = proxied ? RenderedJaeger.OAUTH_PROXY : WellKnownNames.JAEGER_QUERY_SERVICE;
        int port = proxied ? RenderedJaeger.OAUTH_PROXY_PORT : Ports.JAEGER_UI;
        String path = proxied ? "/" : jaeger.settings().uiBasePath();
        return IngressArgs.builder()
                .metadata(PodSpecs.meta(RenderedJaeger.UI_INGRESS, jaeger.namespace(),
                        jaeger.labels("ui", jaeger.settings().version())))
                .spec(IngressSpecArgs.builder()
                        .tls(IngressTLSArgs.builder().hosts(host).secretName(RenderedJaeger.UI_TLS_SECRET).build())
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
