package dev.tracestack.component.collector;

import static dev.tracestack.component.collector.OtelCollectorGraphTest.NETWORK_POLICY;
import static dev.tracestack.component.collector.OtelCollectorGraphTest.SERVICE_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.testing.StackHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The collector's hardening: restricted containers, NetworkPolicies and the ServiceAccount. */
class OtelCollectorSecurityTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyContainerHasLimitsProbesAndARestrictedSecurityContext(String stack) {
        Plan collector = OtelCollectorGraphTest.collectorOnly(StackHarness.synth(stack));
        for (PlannedResource workload : OtelCollectorGraphTest.workloads(collector)) {
            JsonNode pod = workload.input("spec.template.spec");
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
            for (JsonNode container : pod.path("containers")) {
                String what = workload.name() + "/" + container.path("name").asText();
                assertThat(container.at("/resources/limits/cpu").isTextual()).as(what).isTrue();
                assertThat(container.at("/resources/limits/memory").isTextual()).as(what).isTrue();
                assertThat(container.at("/livenessProbe/httpGet/port").asText()).as(what).isEqualTo("health");
                assertThat(container.at("/readinessProbe/httpGet/port").asText()).as(what).isEqualTo("health");
                JsonNode security = container.path("securityContext");
                assertThat(security.path("runAsNonRoot").asBoolean()).as(what).isTrue();
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(what).isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(what).isFalse();
                assertThat(security.at("/capabilities/drop").toString()).as(what).isEqualTo("[\"ALL\"]");
                assertThat(security.at("/seccompProfile/type").asText()).as(what).isEqualTo("RuntimeDefault");
                assertThat(container.path("image").asText()).as(what)
                        .isEqualTo("otel/opentelemetry-collector-contrib:0.158.0");
            }
        }
    }

    @Test
    void gatewayAcceptsReceiversOnlyFromAllowedNamespacesAndTheSamplerOnlyFromTheGateway() {
        Plan plan = StackHarness.synth("dev");
        JsonNode gateway = plan.get(NETWORK_POLICY, "otel-collector-gateway-network-policy").input("spec");
        assertThat(gateway.at("/ingress/0/from/0/namespaceSelector/matchExpressions/0/values").toString())
                .isEqualTo("[\"observability\",\"default\"]");
        assertThat(gateway.at("/ingress/0/ports").findValuesAsText("port")).containsExactly("4317", "4318", "9411");
        assertThat(gateway.at("/ingress/1/ports/0/port").asInt()).isEqualTo(8888);
        JsonNode sampler = plan.get(NETWORK_POLICY, "otel-collector-sampler-network-policy").input("spec");
        assertThat(sampler.at("/ingress/0/from/0/podSelector/matchLabels/app.kubernetes.io~1component").asText())
                .isEqualTo("gateway");
        List<String> egressPorts = new ArrayList<>(sampler.path("egress").findValuesAsText("port"));
        assertThat(egressPorts).contains("53", "443", "988");
        assertThat(sampler.path("policyTypes").toString()).isEqualTo("[\"Ingress\",\"Egress\"]");
    }

    @Test
    void theServiceAccountHasNoWorkloadIdentityAnnotationUntilAGoogleAccountIsWired() {
        PlannedResource account = StackHarness.synth("dev").get(SERVICE_ACCOUNT, "otel-collector-service-account");
        assertThat(account.input("metadata.name").asText()).isEqualTo("otel-collector");
        assertThat(account.input("metadata.annotations").isMissingNode()).isTrue();
    }
}
