package dev.tracestack.render.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.StackHarness;
import org.junit.jupiter.api.Test;

/** The URLs a developer is given follow the published ports and a host the workstation can reach. */
class LocalUrlsTest {

    @Test
    void theLocalStackIsReachedOnLoopbackAtSeed000Ports() {
        assertThat(LocalUrls.of(StackHarness.config("local"))).containsExactly(
                java.util.Map.entry("jaegerUiUrl", "http://127.0.0.1:10004"),
                java.util.Map.entry("otlpGrpcEndpoint", "http://127.0.0.1:4317"),
                java.util.Map.entry("otlpHttpTracesUrl", "http://127.0.0.1:4318/v1/traces"),
                java.util.Map.entry("elasticsearchUrl", "http://127.0.0.1:9201"),
                java.util.Map.entry("collectorHealthUrl", "http://127.0.0.1:13133"),
                java.util.Map.entry("collectorZpagesUrl", "http://127.0.0.1:55679/debug/tracez"),
                java.util.Map.entry("collectorMetricsUrl", "http://127.0.0.1:8888/metrics"));
    }

    @Test
    void aWildcardBindAddressIsReachedThroughLoopback() {
        assertThat(LocalUrls.reachableHost("0.0.0.0")).isEqualTo("127.0.0.1");
        assertThat(LocalUrls.reachableHost("::")).isEqualTo("[::1]");
    }

    @Test
    void anIpv6BindAddressIsBracketedInUrls() {
        assertThat(LocalUrls.reachableHost("::1")).isEqualTo("[::1]");
        assertThat(LocalUrls.reachableHost("192.168.1.20")).isEqualTo("192.168.1.20");
    }
}
