package dev.tracestack.component;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.testing.StackHarness;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The namespace denies all traffic by default, and each workload's policy opens only what it needs: every pod
 * (the collector's, Jaeger's, the proxy's, Elasticsearch's, the jobs') is selected by a policy that limits both its
 * ingress and its egress, the query role's gRPC API is open to nothing, the proxy only to Google's load balancers,
 * metrics only to the scraper; and no pod mounts a Kubernetes API token.
 */
class NetworkIsolationTest {

    private static final String POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void theNamespaceDeniesEveryPodsIngressAndEgressByDefault(String stack) {
        JsonNode spec = StackHarness.synth(stack).get(POLICY, "otel-collector-default-deny").input("spec");

        assertThat(spec.path("podSelector").size()).as("selects every pod").isZero();
        assertThat(spec.path("policyTypes").toString()).contains("Ingress", "Egress");
        assertThat(spec.path("ingress").size() + spec.path("egress").size()).as("allows nothing").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyPodIsSelectedByAPolicyOfItsOwnThatLimitsItsEgressToo(String stack) {
        Plan plan = StackHarness.synth(stack);
        List<JsonNode> policies = plan.ofType(POLICY).stream().map(p -> p.input("spec"))
                .filter(spec -> spec.path("podSelector").path("matchLabels").size() > 0).toList();

        assertThat(pods(plan)).isNotEmpty().allSatisfy((name, labels) -> assertThat(policies).as(name)
                .anySatisfy(spec -> {
                    assertThat(matches(spec.path("podSelector").path("matchLabels"), labels)).isTrue();
                    assertThat(spec.path("policyTypes").toString()).contains("Egress");
                    assertThat(spec.path("egress").findValuesAsText("port")).as("DNS").contains("53");
                }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void theQueryApiIsOpenToNothingAndTheProxyOnlyToGooglesLoadBalancers(String stack) {
        Plan plan = StackHarness.synth(stack);
        JsonNode query = plan.get(POLICY, "jaeger-query-network-policy").input("spec.ingress");
        JsonNode proxy = plan.get(POLICY, "jaeger-oauth2-proxy-network-policy").input("spec.ingress");

        assertThat(query.findValuesAsText("port")).contains("16686").doesNotContain("16685", "13133");
        assertThat(proxy).hasSize(1);
        assertThat(proxy.get(0).path("from").findValuesAsText("cidr"))
                .containsExactlyInAnyOrder("130.211.0.0/22", "35.191.0.0/16");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void metricsPortsAreOpenOnlyToTheScrapersNamespace(String stack) {
        for (PlannedResource policy : StackHarness.synth(stack).ofType(POLICY)) {
            for (JsonNode rule : policy.input("spec.ingress")) {
                if (rule.path("ports").findValuesAsText("port").contains("8888")) {
                    assertThat(rule.path("from").findValuesAsText("kubernetes.io/metadata.name")).as(policy.name())
                            .containsExactly("gmp-system");
                }
            }
        }
    }

    @Test
    void googleApisAreReachedOnlyThroughTheConfiguredBlocksWhereTheClusterUsesPrivateAccess() {
        Plan prod = StackHarness.synth("prod", Map.of("tracestack:kubernetes",
                "{\"namespace\":\"observability\",\"createNamespace\":true,\"googleApisCidrs\":[\"199.36.153.8/30\"]}"));

        for (String name : List.of("otel-collector-gateway-network-policy", "elasticsearch-network-policy")) {
            JsonNode https = rule(prod.get(POLICY, name).input("spec.egress"), "443");
            assertThat(https.path("to").findValuesAsText("cidr")).as(name).containsExactly("199.36.153.8/30");
        }
        JsonNode byDefault = rule(StackHarness.synth("prod").get(POLICY, "elasticsearch-network-policy")
                .input("spec.egress"), "443");
        assertThat(byDefault.path("to").findValuesAsText("cidr")).containsExactly("0.0.0.0/0");
        assertThat(byDefault.path("to").findValues("except").toString()).contains("10.0.0.0/8");
    }

    private static JsonNode rule(JsonNode rules, String port) {
        for (JsonNode rule : rules) {
            if (rule.path("ports").findValuesAsText("port").contains(port)) {
                return rule;
            }
        }
        throw new AssertionError("no rule for port " + port + " in " + rules);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void noPodAndNoServiceAccountMountsAKubernetesApiToken(String stack) {
        Plan plan = StackHarness.synth(stack);

        assertThat(plan.ofType("kubernetes:core/v1:ServiceAccount")).allSatisfy(account ->
                assertThat(account.input("automountServiceAccountToken").asBoolean()).as(account.name()).isFalse());
        assertThat(PodSecurityTest.podSpecs(plan)).allSatisfy((name, spec) ->
                assertThat(spec.path("automountServiceAccountToken").asBoolean()).as(name).isFalse());
    }

    /** The pod labels of every workload the stack runs, by resource name. */
    static Map<String, JsonNode> pods(Plan plan) {
        Map<String, JsonNode> pods = new LinkedHashMap<>();
        PodSecurityTest.templates(plan).forEach((name, template) -> pods.put(name, template.path("metadata").path("labels")));
        return pods;
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            if (!label.getValue().equals(labels.path(label.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
