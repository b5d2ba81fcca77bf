package dev.tracestack.render.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.rehearse.ServiceFleet;
import dev.tracestack.testing.ConfigErrors;
import dev.tracestack.testing.StackHarness;
import org.junit.jupiter.api.Test;

/** The literals of the objectives view: escaped strings, and a size BigQuery accepts. */
class ObjectivesViewTest {

    @Test
    void aStringLiteralEscapesQuotesAndBackslashes() {
        assertThat(ObjectivesView.literal("it's a\\b")).isEqualTo("'it\\'s a\\\\b'");
    }

    @Test
    void stageWithoutObjectivesOfItsServicesHoldsOnlyTheStacksRow() {
        assertThat(ObjectivesView.sql(StackHarness.config("stage"))).contains("(NULL, NULL, 2000, 5)\n])");
    }

    @Test
    void aViewOverBigQuerysLimitIsRejectedNamingTheServices() {
        // GIVEN dev (no Jaeger) with 7,000 services with objectives: 7,000 rows of literals
        var source = ServiceFleet.withFleet(StackHarness.source("dev"), 7_000);

        assertThat(ConfigErrors.problems(source)).singleElement().asString().startsWith("Pulumi.dev.yaml: "
                + "tracestack:services must fit the view service_objectives into the 256000 characters BigQuery "
                + "allows a view's SQL, and they make it ").endsWith(", got 7000 services with objectives or a team");
    }
}
