package dev.tracestack.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.cli.ExitCode;
import dev.tracestack.testing.Console;
import dev.tracestack.testing.StackHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./tracestack cost} as a user runs it: tables, what-ifs, comparisons and exit codes. */
class CostCommandTest {

    @TempDir
    Path tmp;

    private final Console console = new Console();

    private int cost(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--dir")) {
            all.addAll(List.of("--dir", StackHarness.PROJECT_DIR.toString()));
        }
        return console.run(CostCommand::run, all);
    }

    private String stdout() {
        return console.stdout();
    }

    private String stderr() {
        return console.stderr();
    }

    @Test
    void aStackIsItemisedWithTheArithmeticOfEveryLine() {
        assertThat(cost("prod")).isZero();
        assertThat(stdout()).startsWith("stack prod (prod, prices of europe-west3): $")
                .contains("against a budget of $200.00")
                .contains("  cloud-trace.spans                max(0, 105.12 - 2.5) million spans × $0.2 = $20.52\n")
                .contains("  disk.elasticsearch               150 GiB-month × $0.204 = $30.60\n")
                .contains("  at maximum replicas")
                .contains("warning: prod is over its budget of $200.00 by $");
    }

    @Test
    void aWhatIfPrintsTheDifferencePerItem() {
        assertThat(cost("dev", "--set", "cost.spansPerSecond=100", "--set", "sampling.defaultRate=0.2")).isZero();
        assertThat(stdout()).startsWith("what-if for dev: --set cost.spansPerSecond=100 --set sampling.defaultRate=0.2\n")
                .contains("item                                      now      what-if   difference")
                .containsPattern("  cloud-trace\\.spans +\\$0\\.00 +\\$\\d+\\.\\d\\d +\\+\\$\\d+\\.\\d\\d")
                .contains("  total ")
                .doesNotContain("disk.");
    }

    @Test
    void anInvalidOverrideIsTheConfigErrorAStackFileWouldGive() {
        assertThat(cost("dev", "--set", "sampling.defaultRate=1.5")).isEqualTo(ExitCode.INVALID_CONFIG);
        assertThat(stderr()).isEqualTo("""
                invalid config (1 problem):
                  Pulumi.dev.yaml (with --set): tracestack:sampling.defaultRate must be within [0, 1], got 1.5
                """);
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aMalformedOverrideIsAConfigError() {
        assertThat(cost("dev", "--set", "retentionDays")).isEqualTo(ExitCode.INVALID_CONFIG);
        assertThat(stderr()).contains("--set: 'retentionDays' must be key=value");
    }

    @Test
    void stacksAreComparedSideBySide() {
        assertThat(cost("--compare", "dev", "stage", "prod")).isZero();
        assertThat(stdout()).startsWith("  item                                      dev        stage         prod\n")
                .containsPattern("  gke\\.jaeger-collector +- +\\$\\d+\\.\\d\\d +\\$\\d+\\.\\d\\d\n")
                .containsPattern("  budget +\\$15\\.00 +\\$45\\.00 +\\$200\\.00\n");
    }

    @Test
    void theLocalStackIsNotPricedAndSaysWhyInsteadOfCrashing() {
        assertThat(cost("local")).isEqualTo(ExitCode.INVALID_CONFIG);
        assertThat(stderr()).isEqualTo("tracestack cost: local is not priced: Pulumi.local.yaml sets "
                + "tracestack:platform docker, and the estimate is for Kubernetes stacks on Google Cloud "
                + "(docs/cost.md)\n");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aComparisonShowsTheLocalStackAsNotPriced() {
        assertThat(cost("--compare", "dev", "local")).isZero();
        assertThat(stdout()).startsWith("  item                                      dev        local\n")
                .containsPattern("  cloud-trace\\.spans +\\$\\d+\\.\\d\\d +not priced\n")
                .containsPattern("  total +\\$\\d+\\.\\d\\d +not priced\n")
                .endsWith("local is not priced: Pulumi.local.yaml sets tracestack:platform docker, and the "
                        + "estimate is for Kubernetes stacks on Google Cloud (docs/cost.md)\n");
    }

    @Test
    void aMeasuredMonthIsPricedInsteadOfTheAssumption() {
        assertThat(cost("prod", "--spans-per-month", "50000000")).isZero();
        assertThat(stdout()).startsWith("priced for a measured month: 50000000 spans reached the backends\n")
                .contains("max(0, 50 - 2.5) million spans × $0.2 = $9.50");
    }

    @Test
    void anEnforcedBudgetBelowTheEstimateExitsTwo() throws IOException {
        Files.writeString(tmp.resolve("Pulumi.dev.yaml"), Files.readString(StackHarness.PROJECT_DIR
                .resolve("Pulumi.dev.yaml")) + "    enforceBudget: true\n");

        assertThat(cost("dev", "--dir", tmp.toString())).isEqualTo(ExitCode.INVALID_CONFIG);
        assertThat(stderr()).contains("Pulumi.dev.yaml: tracestack:cost.monthlyBudgetUsd must cover the estimated $");
    }

    @Test
    void aRegionWithoutPricesExitsOneAndSaysWhy() {
        assertThat(cost("dev", "--set", "gcp:region=us-east1", "--set", "bigquery.location=US")).isEqualTo(1);
        assertThat(stderr()).isEqualTo("tracestack cost: cannot estimate: there is no price book for gcp:region "
                + "us-east1 (src/main/resources/pricing/gcp-us-east1.json; see docs/cost.md)\n");
    }

    @Test
    void badUsageExitsOne() {
        assertThat(cost()).isEqualTo(1);
        assertThat(stderr()).contains("usage: tracestack cost <stack>");
        assertThat(cost("dev", "--frobnicate")).isEqualTo(1);
        assertThat(stderr()).contains("unknown option --frobnicate");
        assertThat(cost("dev", "--spans-per-month", "many")).isEqualTo(1);
        assertThat(stderr()).contains("--spans-per-month needs a number, got many");
        assertThat(cost("--compare", "dev")).isEqualTo(1);
        assertThat(stderr()).contains("--compare needs two or more stacks");
        assertThat(cost("--compare", "dev", "prod", "--spans-per-month", "1000")).isEqualTo(1);
        assertThat(stderr()).contains("(a measured month belongs to one stack)");
    }
}
