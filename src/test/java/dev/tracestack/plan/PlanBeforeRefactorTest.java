package dev.tracestack.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracestack.testing.Golden;
import dev.tracestack.testing.PlanSuccession;
import dev.tracestack.testing.StackHarness;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every stack's plan against the one recorded at the last commit before the current round of resource changes
 * ({@code src/test/resources/plans-before-refactor/<stack>}, regenerated as its README says). What a deployed
 * stack would see is reviewed, not hoped for: the resources the engine would replace and everything else that
 * changed are golden files ({@code golden/plan-changes/<stack>/}), so an unintended change fails; no protected
 * resource is ever replaced; a renamed resource is {@code <parent>-<role>} with an alias to its old name.
 */
class PlanBeforeRefactorTest {

    private static final Path RECORDED = StackHarness.PROJECT_DIR.resolve("src/test/resources/plans-before-refactor");

    private static PlanSuccession succession(String stack) {
        return PlanSuccession.of(RECORDED.resolve(stack).resolve(PlanWriter.RESOURCES),
                StackHarness.synth(stack).resources());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod", "local"})
    void theResourcesTheEngineWouldReplaceAreTheReviewedOnes(String stack) {
        // What changed, without the values: a pod template's JSON is reviewed in changes.txt's neighbours, not here.
        Golden.assertMatches("plan-changes/" + stack + "/replacements.txt", lines(succession(stack).replacements()
                .stream().map(r -> r.contains(" (") ? r.substring(0, r.indexOf(" (")) : r).toList()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod", "local"})
    void noProtectedResourceWouldBeReplaced(String stack) throws IOException {
        List<String> replaced = succession(stack).replacements();
        for (PlannedResource old : new ObjectMapper().readValue(RECORDED.resolve(stack).resolve(PlanWriter.RESOURCES)
                .toFile(), PlannedResource[].class)) {
            if (old.protect()) {
                assertThat(replaced).as("%s is protected", old.key()).noneMatch(r -> r.startsWith(old.key() + ":"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod", "local"})
    void everyOtherChangeIsAReviewedOne(String stack) {
        Golden.assertMatches("plan-changes/" + stack + "/changes.txt", lines(succession(stack).changes()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod", "local"})
    void aRenamedResourceIsNamedParentRoleAndAliasesItsOldName(String stack) {
        assertThat(succession(stack).unconventionalRenames()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod", "local"})
    void theStackOutputsAreTheSame(String stack) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode recorded = json.readTree(RECORDED.resolve(stack).resolve(PlanWriter.OUTPUTS).toFile());

        JsonNode now = json.valueToTree(StackHarness.synth(stack).outputs());

        assertThat(now).isEqualTo(recorded);
    }

    private static String lines(List<String> entries) {
        return entries.stream().sorted().map(entry -> entry + "\n").reduce("", String::concat);
    }
}
