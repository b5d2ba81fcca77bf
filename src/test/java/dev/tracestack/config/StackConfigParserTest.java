package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.ConfigErrors;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one parser: types, structure, unknown keys with near misses, every problem at once. */
class StackConfigParserTest {

    @Test
    void aWrongTypeNamesTheTypeExpected() {
        assertThat(ConfigErrors.problems("dev", ConfigErrors.override("tracestack:retentionDays", "three")))
                .containsExactly("Pulumi.dev.yaml: tracestack:retentionDays must be a whole number, got three");
        assertThat(ConfigErrors.problems("dev", ConfigErrors.override("tracestack:retentionDays", "3.5")))
                .containsExactly("Pulumi.dev.yaml: tracestack:retentionDays must be a whole number, got 3.5");
        assertThat(ConfigErrors.problems("dev", ConfigErrors.override("tracestack:detailedTracing", "yes")))
                .containsExactly("Pulumi.dev.yaml: tracestack:detailedTracing must be a boolean (true or false), got yes");
        assertThat(ConfigErrors.problems("dev",
                ConfigErrors.override("tracestack:sampling", "{\"defaultRate\":\"lots\"}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:sampling.defaultRate must be a number, got lots");
    }

    @Test
    void aSectionThatIsNotAMappingIsRejected() {
        assertThat(ConfigErrors.problems("dev", ConfigErrors.override("tracestack:sampling", "0.1")))
                .containsExactly("Pulumi.dev.yaml: tracestack:sampling must be an object (a YAML mapping), got 0.1");
    }

    @Test
    void anUnknownKeySuggestsTheNearMiss() {
        assertThat(ConfigErrors.problems("dev", ConfigErrors.override("tracestack:retentionDay", "3")))
                .containsExactly("Pulumi.dev.yaml: tracestack:retentionDay is not a known key "
                        + "(did you mean tracestack:retentionDays?), got 3");
        assertThat(ConfigErrors.problems("dev", ConfigErrors.override("tracestack:sampling", "{\"defaultRat\":0.1}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:sampling.defaultRat is not a known key "
                        + "(did you mean tracestack:sampling.defaultRate?), got 0.1");
    }

    @Test
    void anUnknownKeyWithoutNearMissListsTheKnownKeys() {
        assertThat(ConfigErrors.problems("dev", ConfigErrors.override("tracestack:exporters", "{\"colour\":\"blue\"}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:exporters.colour is not a known key "
                        + "(known keys here: cloudTrace, jaeger, bigQuery), got blue");
    }

    @Test
    void aMisspelledProviderKeyIsCaughtToo() {
        Map<String, String> overrides = ConfigErrors.override("gcp:projet", "dta-cloud-de-dev");
        overrides.put("gcp:project", null);
        assertThat(ConfigErrors.problems("dev", overrides)).containsExactlyInAnyOrder(
                "Pulumi.dev.yaml: gcp:projet is not a known key (did you mean gcp:project?), got dta-cloud-de-dev",
                "Pulumi.dev.yaml: gcp:project is required (set it with `pulumi config set gcp:project <project-id>`), "
                        + "it is not set");
    }

    @Test
    void anUnknownEnumValueListsTheChoices() {
        assertThat(ConfigErrors.problems("prod",
                ConfigErrors.override("tracestack:alerts", "{\"strictness\":\"paranoid\"}")))
                .containsExactly("Pulumi.prod.yaml: tracestack:alerts.strictness must be one of lenient, normal, strict, "
                        + "got paranoid");
        assertThat(ConfigErrors.problems("prod", ConfigErrors.override("tracestack:environment", "production")))
                .containsExactly("Pulumi.prod.yaml: tracestack:environment must be one of dev, stage, prod, got production");
    }

    @Test
    void everyProblemIsReportedTogether() {
        Map<String, String> overrides = ConfigErrors.override("tracestack:retentionDays", "0");
        overrides.put("tracestack:sampling", "{\"defaultRate\":7}");
        overrides.put("tracestack:jaegr", "{}");
        assertThat(ConfigErrors.problems("dev", overrides)).hasSize(3);
    }

    @Test
    void theRealStackFilesPassEveryRule() {
        for (String stack : StackHarness.CLOUD_STACKS) {
            assertThat(StackHarness.config(stack).collector().effectiveImage())
                    .isEqualTo("otel/opentelemetry-collector-contrib:0.158.0");
        }
    }
}
