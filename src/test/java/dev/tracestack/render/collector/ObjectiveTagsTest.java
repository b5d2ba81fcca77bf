package dev.tracestack.render.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.rehearse.ServiceFleet;
import dev.tracestack.testing.StackHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the gateway adds to the spans and span metrics of services with objectives or a team of their own. */
class ObjectiveTagsTest {

    private static CollectorConfig gateway(String stack) {
        StackConfig config = StackHarness.config(stack);
        return CollectorConfigRenderer.config(config, CollectorTier.of(config).get(0));
    }

    @Test
    void prodLabelsItsCriticalServicesSpansWithItsObjectivesBeforeTheSpanMetrics() {
        CollectorConfig gateway = gateway("prod");

        assertThat(gateway.service().pipelines().get("traces").processors()).containsExactly("memory_limiter",
                "attributes/reserved", "resource/reserved", "filter/noise", "attributes/pii", "redaction/hash", "redaction/values", "resource/environment",
                "attributes/slo-latency-500", "attributes/slo-errors-1");
        assertThat(gateway.processors().get("attributes/slo-latency-500")).isEqualTo(Map.of(
                "include", Map.of("match_type", "strict", "services", List.of("critical-service")),
                "actions", List.of(Map.of("key", "tracestack.slo.latency_p95_ms", "value", "500", "action", "upsert"))));
    }

    @Test
    void aTeamsServicesGetItsNameOneProcessorPerTeam() {
        StackConfig config = StackConfigParser.parse(ServiceFleet.withFleet(StackHarness.source("stage"), 10));
        CollectorConfig gateway = CollectorConfigRenderer.config(config, CollectorTier.of(config).get(0));

        assertThat(gateway.processors()).containsKeys("attributes/team-checkout", "attributes/team-payments",
                "attributes/team-search");
        assertThat(gateway.processors().get("attributes/team-search")).isEqualTo(Map.of(
                "include", Map.of("match_type", "strict", "services", List.of(ServiceFleet.name(2),
                        ServiceFleet.name(5), ServiceFleet.name(8))),
                "actions", List.of(Map.of("key", "tracestack.team", "value", "search", "action", "upsert"))));
    }

    @Test
    void theSpanMetricsCarryObjectivesAndTeamWithTheStacksMarksForEveryOtherService() {
        assertThat(gateway("prod").connectors().get("span_metrics")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("dimensions", List.of(
                Map.of("name", "tracestack.slo.latency_p95_ms", "default", "default"),
                Map.of("name", "tracestack.slo.error_rate_percent", "default", "default"),
                Map.of("name", "tracestack.team", "default", "none")));
    }

    @Test
    void stacksWhoseServicesHaveNoObjectiveOrTeamAddNothing() {
        assertThat(gateway("stage").processors()).noneSatisfy((id, body) -> assertThat(id).startsWith("attributes/slo"));
        assertThat(gateway("stage").connectors().get("span_metrics")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).doesNotContainKey("dimensions");
    }
}
