package dev.tracestack.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracestack.testing.PlanSuccession;
import dev.tracestack.testing.StackHarness;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every stack's plan against the one recorded before the parts were rebuilt on typed render results
 * ({@code src/test/resources/plans-before-refactor/<stack>}, regenerated as its README says). A deployed
 * stack must not notice: the same resources with the same inputs and options, renamed only to
 * {@code <parent>-<role>} with an alias to the old name, and nothing the engine would replace.
 */
class PlanBeforeRefactorTest {

    private static final Path RECORDED = StackHarness.PROJECT_DIR.resolve("src/test/resources/plans-before-refactor");

    private static PlanSuccession succession(String stack) {
        return PlanSuccession.of(RECORDED.resolve(stack).resolve(PlanWriter.RESOURCES),
                StackHarness.synth(stack).resources());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod", "local"})
    void noResourceWouldBeReplaced(String stack) {
        assertThat(succession(stack).replacements()).as("resources of %s the engine would replace", stack).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod", "local"})
    void everyResourceKeepsItsInputsOptionsParentAndDependencies(String stack) {
        assertThat(succession(stack).changes()).as("what changed in %s besides names", stack).isEmpty();
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
}
