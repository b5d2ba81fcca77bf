package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.COLLECTOR;

import dev.tracestack.wire.Ports;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The container ports of the collector's receivers ({@code tracestack:collector.ports}), seed 000's numbers
 * by default.
 *
 * @param otlpGrpc         OTLP over gRPC
 * @param otlpHttp         OTLP over HTTP
 * @param zipkin           Zipkin v2, where that receiver is on
 * @param jaegerGrpc       Jaeger gRPC, where the Jaeger receiver is on
 * @param jaegerThriftHttp Jaeger Thrift over HTTP, where the Jaeger receiver is on
 */
public record CollectorPorts(int otlpGrpc, int otlpHttp, int zipkin, int jaegerGrpc, int jaegerThriftHttp) {

    static CollectorPorts read(ConfigSection section) {
        return new CollectorPorts(section.integer("otlpGrpc").orElse(Ports.OTLP_GRPC),
                section.integer("otlpHttp").orElse(Ports.OTLP_HTTP),
                section.integer("zipkin").orElse(Ports.ZIPKIN),
                section.integer("jaegerGrpc").orElse(Ports.JAEGER_GRPC),
                section.integer("jaegerThriftHttp").orElse(Ports.JAEGER_THRIFT_HTTP));
    }

    /** Every open receiver port must be a valid port, distinct, and not one the collector uses itself. */
    void validate(CollectorSettings.Receivers receivers, StackConfigValidator.Rules rules) {
        Map<Integer, String> taken = new LinkedHashMap<>();
        taken.put(Ports.HEALTH_CHECK, "the health_check extension");
        taken.put(Ports.ZPAGES, "the zpages extension");
        taken.put(Ports.COLLECTOR_METRICS, "the collector's metrics endpoint");
        taken.put(Ports.COLLECTOR_SELF_TELEMETRY, "the collector's receiver of its own metrics");
        Map<String, Integer> open = new LinkedHashMap<>();
        open.put("otlpGrpc", otlpGrpc);
        open.put("otlpHttp", otlpHttp);
        if (receivers.zipkin()) {
            open.put("zipkin", zipkin);
        }
        if (receivers.jaeger()) {
            open.put("jaegerGrpc", jaegerGrpc);
            open.put("jaegerThriftHttp", jaegerThriftHttp);
        }
        open.forEach((name, port) -> {
            String key = COLLECTOR + ".ports." + name;
            if (rules.port(key, port)) {
                String holder = taken.putIfAbsent(port, key);
                rules.check(holder == null, key, String.valueOf(port), "must not clash with the port of " + holder);
            }
        });
    }
}
