package dev.tracestack.render.local;

import dev.tracestack.config.HostPort;
import dev.tracestack.config.LocalSettings;
import dev.tracestack.config.StackConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The URLs a developer uses to reach the local stack from the workstation: the stack outputs of a
 * docker stack. Pure, from the published host ports and the bind address.
 */
public final class LocalUrls {

    private LocalUrls() {
    }

    /** Output name to URL, in the order a developer needs them. */
    public static Map<String, String> of(StackConfig config) {
        LocalSettings local = config.local();
        String host = reachableHost(local.bindAddress());
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("jaegerUiUrl", url(host, local.port(HostPort.JAEGER_UI), config.jaeger().underUiBasePath("")));
        urls.put("otlpGrpcEndpoint", url(host, local.port(HostPort.OTLP_GRPC), ""));
        urls.put("otlpHttpTracesUrl", url(host, local.port(HostPort.OTLP_HTTP), "/v1/traces"));
        urls.put("elasticsearchUrl", url(host, local.port(HostPort.ELASTICSEARCH), ""));
        urls.put("collectorHealthUrl", url(host, local.port(HostPort.COLLECTOR_HEALTH), ""));
        urls.put("collectorZpagesUrl", url(host, local.port(HostPort.ZPAGES), "/debug/tracez"));
        urls.put("collectorMetricsUrl", url(host, local.port(HostPort.COLLECTOR_METRICS), "/metrics"));
        return urls;
    }

    /** A wildcard bind address is reached through loopback; an IPv6 literal needs brackets in a URL. */
    static String reachableHost(String bindAddress) {
        if (bindAddress.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        if (bindAddress.equals("::")) {
            return "[::1]";
        }
        return bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
    }

    private static String url(String host, int port, String path) {
        return "http://" + host + ":" + port + path;
    }
}
