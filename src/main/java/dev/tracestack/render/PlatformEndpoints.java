package dev.tracestack.render;

import dev.tracestack.config.Platform;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.elasticsearch.JaegerIndices;
import dev.tracestack.render.local.LocalNetwork;
import dev.tracestack.wire.Ports;
import dev.tracestack.wire.WellKnownNames;

/**
 * The addresses that differ between platforms, and nothing else: the renderers ask this record where
 * the other parts are, so one renderer serves the cluster and the local Docker network alike.
 *
 * @param jaegerOtlp   where the collector's {@code otlp_grpc/jaeger} exporter sends spans ({@code host:port})
 * @param zpagesListen where the collector's zPages listen: loopback in a pod (reached through
 *                     {@code kubectl port-forward}), every interface in a container whose port Docker
 *                     publishes on the workstation
 * @param elasticsearchUrl     Jaeger's storage: ECK's HTTP Service over TLS, or the local container
 * @param elasticsearchSecured whether that cluster wants ECK's user and CA (the local single node runs
 *                             without security, reachable only through the bind address)
 * @param googleCloud  whether Google Cloud's APIs are there to export to: always from the cluster
 *                     (Workload Identity), from the local stack only with Cloud Trace on (its rules then
 *                     demand a project and a credentials file)
 */
public record PlatformEndpoints(String jaegerOtlp, String zpagesListen, String elasticsearchUrl,
                                boolean elasticsearchSecured, boolean googleCloud) {

    /** The endpoints of the stack's platform. */
    public static PlatformEndpoints of(StackConfig config) {
        if (config.platform() == Platform.DOCKER) {
            return new PlatformEndpoints(LocalNetwork.jaegerOtlpEndpoint(), "0.0.0.0:" + Ports.ZPAGES,
                    LocalNetwork.elasticsearchUrl(), false, config.exporters().cloudTrace());
        }
        String namespace = config.kubernetes().namespace();
        return new PlatformEndpoints(
                Names.serviceHost(WellKnownNames.JAEGER_COLLECTOR_SERVICE, namespace) + ":" + Ports.OTLP_GRPC,
                "localhost:" + Ports.ZPAGES, JaegerIndices.url(namespace), true, true);
    }
}
