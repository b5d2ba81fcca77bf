package dev.tracestack.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracestack.cli.ExitCode;
import dev.tracestack.render.cost.CostRenderer;
import dev.tracestack.testing.Console;
import dev.tracestack.testing.StackHarness;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The estimate in the offline plan: the summary lines, {@code artifacts/cost.json}, the diff, the budget rule. */
class PlanCostTest {

    @TempDir
    Path tmp;

    private final Console console = new Console();

    /** The real stacks' plans are cached by the harness; printing and writing them adds no planning. */
    private String printed(Consumer<PrintStream> print) {
        print.accept(console.out());
        return console.stdout();
    }

    private void summary(Plan plan, PrintStream to) {
        PlanSummary.print(plan, tmp, plan.artifacts().size(), to);
    }

    @Test
    void thePlanPrintsTheTotalAgainstTheBudgetAndTheThreeLargestItems() {
        assertThat(printed(to -> summary(StackHarness.synth("dev"), to)))
                .containsPattern("cost: \\$\\d+\\.\\d\\d a month estimated against a budget of \\$15\\.00 \\(\\d+%\\) "
                        + "\\(docs/cost\\.md; \\./tracestack cost dev\\)\n"
                        + "  monitoring\\.alerting +\\$\\d+\\.\\d\\d\n  \\S+ +\\$\\d+\\.\\d\\d\n  \\S+ +\\$\\d+\\.\\d\\d\n")
                .contains("warning: dev is over its budget of $15.00 by $");
    }

    @Test
    void thePlanWritesTheEstimateWithItsAssumptionsAndSourcedPrices() throws IOException {
        PlanWriter.write(StackHarness.synth("prod"), tmp);
        JsonNode cost = new ObjectMapper().readTree(tmp.resolve("artifacts/cost.json").toFile());

        assertThat(cost.path("stack").asText()).isEqualTo("prod");
        assertThat(cost.path("budgetUsd").asDouble()).isEqualTo(200);
        assertThat(cost.path("totalUsd").asDouble()).isPositive();
        assertThat(cost.path("items")).isNotEmpty().allSatisfy(item -> {
            assertThat(item.path("charges")).isNotEmpty();
            assertThat(item.path("inputs").isObject()).isTrue();
        });
        assertThat(cost.path("assumptions").path("spansPerSecond").asDouble()).isEqualTo(40);
        assertThat(cost.path("prices").path("cloudTrace.spans").path("source").asText())
                .startsWith("https://cloud.google.com/");
        assertThat(cost.path("prices").path("cloudTrace.spans").path("read").asText()).matches("\\d{4}-\\d\\d-\\d\\d");
    }

    @Test
    void aRegionWithoutPricesIsPlannedAndTheSummarySaysWhyThereIsNoEstimate() {
        Plan plan = StackHarness.synth("dev", Map.of("gcp:region", "asia-south2"));

        assertThat(plan.rendered().cost()).isEmpty();
        assertThat(printed(to -> summary(plan, to)))
                .contains("cost: not estimated: there is no price book for gcp:region asia-south2");
    }

    @Test
    void theLocalStackHasNoEstimate() {
        assertThat(StackHarness.synth("local").artifacts()).doesNotContainKey(CostRenderer.ARTIFACT);
        assertThat(printed(to -> summary(StackHarness.synth("local"), to))).doesNotContain("cost:");
    }

    @Test
    void theDiffComparesTheEstimatesItemByItem() {
        assertThat(printed(to -> PlanDiff.print(StackHarness.synth("dev"), StackHarness.synth("prod"), to)))
                .contains("\ncost (a month):\n  item                                      dev         prod   difference\n")
                .containsPattern("  disk\\.elasticsearch +\\$0\\.00 +\\$30\\.60 +\\+\\$30\\.60\n")
                .contains("  cost.monthlyBudgetUsd: 15.0 -> 200.0")
                .doesNotContain("dev/cost.json");
    }

    @Test
    void anEnforcedBudgetBelowTheEstimateStopsThePlanWithExitTwo() throws IOException {
        Files.writeString(tmp.resolve("Pulumi.prod.yaml"), Files.readString(StackHarness.PROJECT_DIR
                .resolve("Pulumi.prod.yaml")) + "    enforceBudget: true\n");

        assertThat(console.run(PlanCommand::run, List.of("prod", "--dir", tmp.toString())))
                .isEqualTo(ExitCode.INVALID_CONFIG);
        assertThat(console.stderr()).contains("Pulumi.prod.yaml: tracestack:cost.monthlyBudgetUsd "
                + "must cover the estimated $").contains("got 200");
        assertThat(tmp.resolve("build")).doesNotExist();
    }
}
