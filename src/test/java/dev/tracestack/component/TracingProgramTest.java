package dev.tracestack.component;

import static dev.tracestack.testing.PlanAssert.assertThatPlan;

import dev.tracestack.testing.StackHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The providers come from each stack's config, so one program serves every environment. */
class TracingProgramTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void theGcpProviderTargetsTheStacksProjectAndRegionAndLabelsEverything(String stack) {
        assertThatPlan(StackHarness.synth(stack))
                .resourceCountIs("pulumi:providers:gcp", 1)
                .hasResourceProperties("pulumi:providers:gcp", """
                        {"project": "dta-cloud-de-%s", "region": "europe-west3"}""".formatted(stack));
    }

    @Test
    void theKubernetesProviderUsesTheStacksContextWithServerSideApply() {
        assertThatPlan(StackHarness.synth("prod"))
                .resourceCountIs("pulumi:providers:kubernetes", 1)
                .hasResourceProperties("pulumi:providers:kubernetes", """
                        {"context": "gke_dta-cloud-de-prod_europe-west3_platform", "enableServerSideApply": "true"}""");
    }

    @Test
    void oneTracingStackComponentComposesTheParts() {
        assertThatPlan(StackHarness.synth("dev")).resourceCountIs("tracestack:index:TracingStack", 1);
    }
}
