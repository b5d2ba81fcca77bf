package dev.tracestack.rehearse;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tracestack.programs.LoopbackPorts;
import java.nio.file.Path;

/**
 * Rewrites a deployed Jaeger v2 config (collector role, query role, or the local all-in-one) to run on
 * loopback: listen addresses to free ports, Elasticsearch's URL to the local node, and the files a pod
 * gets from Secrets and ConfigMaps (password, CA, sampling strategies, UI config) to local copies.
 */
final class JaegerRewiring {

    private JaegerRewiring() {
    }

    /**
     * Where one Jaeger instance listens and what it reads.
     *
     * @param otlpGrpc         the OTLP gRPC receiver's {@code host:port}
     * @param otlpHttp         the OTLP HTTP receiver's
     * @param health           the healthcheckv2 extension's
     * @param samplingHttp     the remote sampling endpoint's (5778 in a pod)
     * @param queryHttp        the query role's UI and HTTP API
     * @param queryGrpc        the query role's gRPC API
     * @param metricsPort      the port of the Prometheus endpoint of its own telemetry
     * @param elasticsearchUrl the local Elasticsearch's URL
     * @param passwordFile     the local copy of the Elasticsearch password a pod reads from a Secret
     * @param caFile           the local CA that signed the certificate Elasticsearch presents
     * @param samplingFile     the rendered sampling strategies
     * @param uiConfigFile     the rendered UI config
     */
    record Addresses(String otlpGrpc, String otlpHttp, String health, String samplingHttp, String queryHttp,
                     String queryGrpc, int metricsPort, String elasticsearchUrl, Path passwordFile, Path caFile,
                     Path samplingFile, Path uiConfigFile) {

        static Addresses allocate(LoopbackPorts ports, String elasticsearchUrl, Path passwordFile, Path caFile,
                                  Path samplingFile, Path uiConfigFile) {
            return new Addresses(ports.address(), ports.address(), ports.address(), ports.address(), ports.address(),
                    ports.address(), ports.next(), elasticsearchUrl, passwordFile, caFile, samplingFile, uiConfigFile);
        }

        /** The URL the query role's HTTP server answers on, with a path under the UI base path. */
        String queryUrl(String path) {
            return "http://" + queryHttp + path;
        }
    }

    static RewiredConfig rewire(String name, String deployed, Addresses to) {
        String storage = "/extensions/jaeger_storage/backends/*/elasticsearch";
        return new RewiredConfig.Editor(deployed)
                .set("/receivers/otlp/protocols/grpc/endpoint", v -> text(to.otlpGrpc()))
                .set("/receivers/otlp/protocols/http/endpoint", v -> text(to.otlpHttp()))
                .set("/extensions/healthcheckv2/http/endpoint", v -> text(to.health()))
                .set("/extensions/remote_sampling/http/endpoint", v -> text(to.samplingHttp()))
                .set("/extensions/remote_sampling/file/path", v -> text(to.samplingFile().toString()))
                .set("/extensions/jaeger_query/http/endpoint", v -> text(to.queryHttp()))
                .set("/extensions/jaeger_query/grpc/endpoint", v -> text(to.queryGrpc()))
                .set("/extensions/jaeger_query/ui/config_file", v -> text(to.uiConfigFile().toString()))
                .set(storage + "/server_urls", v -> JsonNodeFactory.instance.arrayNode().add(to.elasticsearchUrl()))
                .set(storage + "/auth/basic/password_file", v -> text(to.passwordFile().toString()))
                .set(storage + "/tls/ca_file", v -> text(to.caFile().toString()))
                .set("/service/telemetry/metrics/readers/*/pull/exporter/prometheus/host", v -> text(LoopbackPorts.HOST))
                .set("/service/telemetry/metrics/readers/*/pull/exporter/prometheus/port",
                        v -> IntNode.valueOf(to.metricsPort()))
                .build(name, deployed);
    }

    private static TextNode text(String value) {
        return TextNode.valueOf(value);
    }
}
