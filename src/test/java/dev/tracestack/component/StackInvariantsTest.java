package dev.tracestack.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.testing.StackHarness;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules every stack obeys, whatever parts it has. */
class StackInvariantsTest {

    private static boolean isComponent(PlannedResource r) {
        return r.type().startsWith("tracestack:");
    }

    private static boolean isProvider(PlannedResource r) {
        return r.type().startsWith("pulumi:providers:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod", "local"})
    void everyCloudResourceUsesAnExplicitProviderBecauseDefaultProvidersAreDisabled(String stack) {
        Plan plan = StackHarness.synth(stack);
        assertThat(plan.resources())
                .filteredOn(r -> !isComponent(r) && !isProvider(r))
                .allSatisfy(r -> assertThat(r.provider()).as(r.name()).isNotNull());
    }

    @ParameterizedTest
    @CsvSource({"dev, gcp kubernetes", "stage, gcp kubernetes random", "prod, gcp kubernetes random", "local, docker"})
    void everythingButThePlatformsProvidersLivesUnderTheTracingStack(String stack, String providers) {
        Plan plan = StackHarness.synth(stack);
        List<String> expected = new ArrayList<>(List.of(providers.split(" ")));
        expected.add("tracestack");
        assertThat(plan.resources())
                .filteredOn(r -> r.parent() == null)
                .extracting(PlannedResource::name)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod", "local"})
    void logicalNamesDoNotCarryTheEnvironmentSoStacksLineUp(String stack) {
        Plan plan = StackHarness.synth(stack);
        assertThat(plan.resources()).extracting(PlannedResource::name)
                .noneMatch(name -> name.matches(".*-(dev|stage|prod)(-.*)?"));
    }
}
