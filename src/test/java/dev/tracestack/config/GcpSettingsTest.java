package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.ConfigErrors;
import org.junit.jupiter.api.Test;

/** The Google Cloud project id and region, one test per message. */
class GcpSettingsTest {

    @Test
    void aProjectIdWithUpperCaseLettersIsRejected() {
        assertThat(ConfigErrors.problems("dev", ConfigErrors.override("gcp:project", "DTA-Cloud-Dev"))).containsExactly(
                "Pulumi.dev.yaml: gcp:project must be a Google Cloud project id: 6-30 lower-case letters, digits "
                        + "or hyphens, starting with a letter and not ending with a hyphen, got DTA-Cloud-Dev");
    }

    @Test
    void aProjectIdShorterThanSixCharactersIsRejected() {
        assertThat(ConfigErrors.problems("dev",
                ConfigErrors.override("gcp:project", "dta1"))).singleElement().asString()
                .startsWith("Pulumi.dev.yaml: gcp:project must be a Google Cloud project id").endsWith(", got dta1");
    }

    @Test
    void anInvalidProjectIdIsRejected() {
        assertThat(ConfigErrors.problems("dev", ConfigErrors.override("gcp:project", "My_Project")))
                .containsExactly("Pulumi.dev.yaml: gcp:project must be a Google Cloud project id: 6-30 lower-case "
                        + "letters, digits or hyphens, starting with a letter and not ending with a hyphen, got My_Project");
    }

    @Test
    void anInvalidRegionIsRejected() {
        assertThat(ConfigErrors.problems("dev", ConfigErrors.override("gcp:region", "Frankfurt")))
                .containsExactly("Pulumi.dev.yaml: gcp:region must be a Google Cloud region such as europe-west3, got Frankfurt");
    }
}
