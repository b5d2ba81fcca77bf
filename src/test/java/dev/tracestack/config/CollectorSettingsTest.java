package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.ConfigErrors;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each collector rule, one test per message, on the real dev stack file with one key changed. */
class CollectorSettingsTest {

    /** Dev with its collector section replaced by {@code json}; omitted keys take their defaults. */
    private static java.util.List<String> collector(String json) {
        return ConfigErrors.problems("dev", Map.of(ConfigKeys.COLLECTOR, json));
    }

    @Test
    void aDetailAttributePatternThatIsNotARegularExpressionIsRejected() {
        assertThat(collector("{\"detailAttributes\":[\"^db\\\\.statement$\", \"http.request.header.(\"]}"))
                .containsExactly("Pulumi.dev.yaml: tracestack:collector.detailAttributes must hold regular expressions "
                        + "over attribute keys (the attributes processor's pattern), got http.request.header.(");
    }

    @Test
    void minReplicasAboveMaxReplicasIsRejected() {
        assertThat(collector("{\"gateway\":{\"minReplicas\":3,\"maxReplicas\":2}}")).containsExactly(
                "Pulumi.dev.yaml: tracestack:collector.gateway.minReplicas must be <= "
                        + "tracestack:collector.gateway.maxReplicas (2), got 3");
    }

    @Test
    void zeroMinReplicasIsRejected() {
        assertThat(collector("{\"sampler\":{\"minReplicas\":0,\"maxReplicas\":2}}")).containsExactly(
                "Pulumi.dev.yaml: tracestack:collector.sampler.minReplicas must be at least 1, got 0");
    }

    @Test
    void memoryLimitTooSmallForTheLimiterIsRejected() {
        assertThat(collector("{\"resources\":{\"memoryLimitMiB\":200}}")).containsExactly(
                "Pulumi.dev.yaml: tracestack:collector.resources.memoryLimitMiB must be at least 256 MiB, or "
                        + "memory_limiter's soft limit (55% of it) falls below the collector's idle footprint, got 200");
    }

    @Test
    void aMemoryRequestOfItsOwnIsRejectedSinceTheCollectorRequestsItsLimit() {
        assertThat(collector("{\"resources\":{\"memoryRequestMiB\":256,\"memoryLimitMiB\":1024}}")).containsExactly(
                "Pulumi.dev.yaml: tracestack:collector.resources.memoryRequestMiB must be removed: every collector "
                        + "tier holds exporter queues and requests its whole memory limit (memoryLimitMiB), so that it "
                        + "is not evicted first, got 256");
    }

    @Test
    void cpuRequestAboveTheLimitIsRejected() {
        assertThat(collector("{\"resources\":{\"cpuRequestMillis\":900,\"cpuLimitMillis\":500}}")).containsExactly(
                "Pulumi.dev.yaml: tracestack:collector.resources.cpuRequestMillis must be within "
                        + "[1, tracestack:collector.resources.cpuLimitMillis (500)], got 900");
    }

    @Test
    void persistentQueueWithoutSpaceIsRejected() {
        assertThat(collector("{\"persistentQueue\":{\"enabled\":true,\"sizeGiB\":0}}")).containsExactly(
                "Pulumi.dev.yaml: tracestack:collector.persistentQueue.sizeGiB must be at least 1 when the "
                        + "persistent queue is enabled, got 0");
    }

    @Test
    void receiverPortClashingWithAnotherReceiverIsRejected() {
        assertThat(collector("{\"ports\":{\"zipkin\":4318}}")).containsExactly(
                "Pulumi.dev.yaml: tracestack:collector.ports.zipkin must not clash with the port of "
                        + "tracestack:collector.ports.otlpHttp, got 4318");
    }

    @Test
    void receiverPortClashingWithTheHealthCheckIsRejected() {
        assertThat(collector("{\"ports\":{\"otlpHttp\":13133}}")).containsExactly(
                "Pulumi.dev.yaml: tracestack:collector.ports.otlpHttp must not clash with the port of "
                        + "the health_check extension, got 13133");
    }

    @Test
    void portsOfReceiversThatAreOffMayOverlap() {
        StackConfig config = StackConfigParser.parse(StackHarness.withOverrides("dev",
                Map.of(ConfigKeys.COLLECTOR, "{\"receivers\":{\"jaeger\":false},\"ports\":{\"jaegerGrpc\":4317}}")));
        assertThat(config.collector().ports().jaegerGrpc()).isEqualTo(4317);
    }

    @Test
    void portOutsideTheValidRangeIsRejected() {
        assertThat(collector("{\"ports\":{\"otlpGrpc\":70000}}")).containsExactly(
                "Pulumi.dev.yaml: tracestack:collector.ports.otlpGrpc must be within [1, 65535], got 70000");
    }

    @Test
    void allowedNamespaceThatIsNotANamespaceNameIsRejected() {
        assertThat(collector("{\"allowedNamespaces\":[\"Team_A\"]}")).containsExactly(
                "Pulumi.dev.yaml: tracestack:collector.allowedNamespaces must hold Kubernetes namespace names "
                        + "(RFC 1123 labels), got Team_A");
    }

    @Test
    void dropRouteWithAQuoteIsRejectedBecauseItWouldBreakTheOttlCondition() {
        assertThat(collector("{\"dropHttpRoutes\":[\"/health\\\" or true or \\\"\"]}")).containsExactly(
                "Pulumi.dev.yaml: tracestack:collector.dropHttpRoutes must hold non-empty values without quotes or "
                        + "backslashes (they become OTTL string literals), got /health\" or true or \"");
    }

    @Test
    void latestImageIsRejected() {
        assertThat(collector("{\"image\":\"otel/opentelemetry-collector-contrib:latest\"}")).containsExactly(
                "Pulumi.dev.yaml: tracestack:collector.image must be an image pinned to an exact tag "
                        + "(<repository>:<x.y.z>), never untagged or :latest, got otel/opentelemetry-collector-contrib:latest");
    }

    @Test
    void untaggedImageIsRejected() {
        assertThat(collector("{\"image\":\"registry.example.com:5000/otel/collector\"}")).containsExactly(
                "Pulumi.dev.yaml: tracestack:collector.image must be an image pinned to an exact tag "
                        + "(<repository>:<x.y.z>), never untagged or :latest, got registry.example.com:5000/otel/collector");
    }

    @Test
    void pinnedImageFromAPrivateRegistryIsAccepted() {
        StackConfig config = StackConfigParser.parse(StackHarness.withOverrides("dev", Map.of(ConfigKeys.COLLECTOR,
                "{\"image\":\"europe-docker.pkg.dev/p/mirror/otelcol-contrib:0.158.0\"}")));
        assertThat(config.collector().version()).isEqualTo("0.158.0");
    }

    @Test
    void misspelledCollectorKeyIsReportedWithASuggestion() {
        assertThat(collector("{\"allowedNamespace\":[\"apps\"]}")).containsExactly(
                "Pulumi.dev.yaml: tracestack:collector.allowedNamespace is not a known key "
                        + "(did you mean tracestack:collector.allowedNamespaces?), got [\"apps\"]");
    }
}
