package dev.tracestack.render.collector;

import dev.tracestack.config.CollectorPorts;
import dev.tracestack.config.CollectorSettings;
import dev.tracestack.wire.Ports;
import java.util.ArrayList;
import java.util.List;

/**
 * A port a collector container listens on, named for Services and NetworkPolicies.
 *
 * @param name        the port name (at most 15 characters, as Kubernetes requires)
 * @param port        the container port
 * @param appProtocol {@code grpc} or {@code http}, for Services and meshes
 * @param receiver    whether clients send telemetry to it (exposed by the Service and the NetworkPolicy)
 */
public record CollectorPort(String name, int port, String appProtocol, boolean receiver) {

    /** The OTLP gRPC port's name: the one port the sampler tier receives on. */
    public static final String OTLP_GRPC = "otlp-grpc";
    /** The health_check extension's port name, which the probes use. */
    public static final String HEALTH = "health";
    /** The Prometheus port name of the collector's own metrics. */
    public static final String METRICS = "metrics";

    /** Receiver ports of a tier, then the collector's own health and metrics ports. */
    static List<CollectorPort> of(CollectorSettings s, CollectorTier.Role role) {
        CollectorPorts p = s.ports();
        List<CollectorPort> ports = new ArrayList<>();
        ports.add(new CollectorPort(OTLP_GRPC, p.otlpGrpc(), "grpc", true));
        if (role == CollectorTier.Role.GATEWAY) {
            ports.add(new CollectorPort("otlp-http", p.otlpHttp(), "http", true));
            if (s.receivers().zipkin()) {
                ports.add(new CollectorPort("zipkin", p.zipkin(), "http", true));
            }
            if (s.receivers().jaeger()) {
                ports.add(new CollectorPort("jaeger-grpc", p.jaegerGrpc(), "grpc", true));
                ports.add(new CollectorPort("jaeger-thrift", p.jaegerThriftHttp(), "http", true));
            }
        }
        ports.add(new CollectorPort(HEALTH, Ports.HEALTH_CHECK, "http", false));
        ports.add(new CollectorPort(METRICS, Ports.COLLECTOR_METRICS, "http", false));
        return ports;
    }
}
