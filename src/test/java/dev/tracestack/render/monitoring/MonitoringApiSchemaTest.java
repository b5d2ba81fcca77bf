package dev.tracestack.render.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The rendered alert policies and dashboards are valid Monitoring API messages: parsed strictly (unknown
 * fields and enum values are errors) with Google's published protobuf classes.
 */
class MonitoringApiSchemaTest {

    private static final JsonFormat.Parser STRICT = JsonFormat.parser();

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyAlertPolicyParsesAsAMonitoringV3AlertPolicy(String stack) throws Exception {
        JsonNode policies = Artifacts.JSON.readTree(rendered(stack).file(MonitoringRenderer.ALERT_POLICIES));

        for (Map.Entry<String, JsonNode> policy : policies.properties()) {
            com.google.monitoring.v3.AlertPolicy parsed = parsePolicy(policy.getValue());

            assertThat(parsed.getDisplayName()).as(policy.getKey()).endsWith("(" + stack + ")");
            assertThat(parsed.getConditionsList()).as(policy.getKey()).isNotEmpty();
            assertThat(parsed.getSeverity()).as(policy.getKey())
                    .isNotEqualTo(com.google.monitoring.v3.AlertPolicy.Severity.SEVERITY_UNSPECIFIED);
            assertThat(parsed.getAlertStrategy().getAutoClose().getSeconds()).isEqualTo(3600);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyConditionDurationIsWholeMinutesAndEveryAbsenceAtLeastTwoAsTheApiRequires(String stack)
            throws Exception {
        JsonNode policies = Artifacts.JSON.readTree(rendered(stack).file(MonitoringRenderer.ALERT_POLICIES));

        for (JsonNode policy : policies) {
            for (var condition : parsePolicy(policy).getConditionsList()) {
                long seconds = condition.hasConditionThreshold()
                        ? condition.getConditionThreshold().getDuration().getSeconds()
                        : condition.getConditionAbsent().getDuration().getSeconds();
                assertThat(seconds % 60).as(condition.getDisplayName()).isZero();
                assertThat(seconds).as(condition.getDisplayName())
                        .isGreaterThanOrEqualTo(condition.hasConditionAbsent() ? 120 : 60);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyDashboardParsesAsAMonitoringDashboardV1Dashboard(String stack) throws Exception {
        RenderedStack rendered = rendered(stack);
        Map<String, String> dashboards = new java.util.TreeMap<>();
        rendered.files().forEach((path, text) -> {
            if (path.startsWith("monitoring/dashboards/")) {
                dashboards.put(path, text);
            }
        });

        assertThat(dashboards).isNotEmpty();
        for (Map.Entry<String, String> dashboard : dashboards.entrySet()) {
            var builder = com.google.monitoring.dashboard.v1.Dashboard.newBuilder();
            STRICT.merge(dashboard.getValue(), builder);

            assertThat(builder.getMosaicLayout().getTilesList()).as(dashboard.getKey()).isNotEmpty();
            for (var tile : builder.getMosaicLayout().getTilesList()) {
                assertThat(tile.getXPos() + tile.getWidth()).isLessThanOrEqualTo(builder.getMosaicLayout().getColumns());
                assertThat(tile.getWidget().getXyChart().getDataSetsList()).isNotEmpty();
            }
        }
    }

    @Test
    void theStrictParserRejectsAFieldTheApiDoesNotHave() throws Exception {
        JsonNode policy = Artifacts.JSON.readTree(rendered("stage").file(MonitoringRenderer.ALERT_POLICIES))
                .get("error-rate").deepCopy();
        ((ObjectNode) policy.get("conditions").get(0).get("conditionThreshold")).put("threshold", 0.05);

        assertThatThrownBy(() -> parsePolicy(policy))
                .isInstanceOf(InvalidProtocolBufferException.class)
                .hasMessageContaining("threshold");
    }

    private static com.google.monitoring.v3.AlertPolicy parsePolicy(JsonNode policy) throws Exception {
        var builder = com.google.monitoring.v3.AlertPolicy.newBuilder();
        STRICT.merge(Artifacts.JSON.writeValueAsString(policy), builder);
        return builder.build();
    }

    private static RenderedStack rendered(String stack) {
        return RenderedStack.render(StackHarness.config(stack));
    }
}
