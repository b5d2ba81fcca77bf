package dev.tracestack.component.jaeger;

import com.pulumi.kubernetes.networking.v1.Ingress;
import com.pulumi.kubernetes.networking.v1.IngressArgs;
import com.pulumi.kubernetes.networking.v1.inputs.HTTPIngressPathArgs;
import com.pulumi.kubernetes.networking.v1.inputs.HTTPIngressRuleValueArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressServiceBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressSpecArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressTLSArgs;
import com.pulumi.kubernetes.networking.v1.inputs.ServiceBackendPortArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.tracestack.component.kubernetes.PodSpecs;
import dev.tracestack.config.StackConfig;
import dev.tracestack.wire.Ports;
import dev.tracestack.wire.WellKnownNames;
import java.util.Map;

/**
 * The UI's Ingress, TLS only. With the oauth2-proxy on, every path goes to the proxy (it also serves
 * {@code /oauth2/*}); without it, only the UI's base path goes to the query Service.
 */
final class UiIngressFactory {

    static final String NAME = "jaeger-ui";
    /** The certificate Secret the Ingress controller serves; issued out of band (e.g. by cert-manager). */
    static final String TLS_SECRET = "jaeger-ui-tls";

    private UiIngressFactory() {
    }

    static Ingress ingress(StackConfig config, String host, Map<String, String> labels,
                           CustomResourceOptions options) {
        boolean proxied = config.jaeger().oauthProxy().enabled();
        String service = proxied ? OAuthProxyFactory.NAME : WellKnownNames.JAEGER_QUERY_SERVICE;
        int port = proxied ? OAuthProxyFactory.PORT : Ports.JAEGER_UI;
        String path = proxied ? "/" : config.jaeger().uiBasePath();
        return new Ingress(NAME, IngressArgs.builder()
                .metadata(PodSpecs.meta(NAME, config.kubernetes().namespace(), labels))
                .spec(IngressSpecArgs.builder()
                        .tls(IngressTLSArgs.builder().hosts(host).secretName(TLS_SECRET).build())
                        .rules(IngressRuleArgs.builder().host(host).http(HTTPIngressRuleValueArgs.builder()
                                .paths(HTTPIngressPathArgs.builder().path(path).pathType("Prefix")
                                        .backend(IngressBackendArgs.builder().service(IngressServiceBackendArgs
                                                .builder().name(service)
                                                .port(ServiceBackendPortArgs.builder().number(port).build())
                                                .build()).build())
                                        .build())
                                .build()).build())
                        .build())
                .build(), options);
    }
}
