package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.ConfigErrors;
import dev.tracestack.testing.StackHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tracestack:servicesFile}: a fleet's services in a file of their own, relative to the project, read with
 * the same rules as the stack file's, each problem naming the file and the line.
 */
class ServicesFileTest {

    @TempDir
    Path project;

    /** stage, with its project directory the temporary one and the stack's own keys replaced as given. */
    private ConfigSource stage(Map<String, String> overrides) {
        ConfigSource real = StackHarness.withOverrides("stage", overrides);
        return new ConfigSource(real.stack(), real.file(), real.values(), real.secretKeys(), project);
    }

    private ConfigSource withFile(String text) throws IOException {
        Files.writeString(project.resolve("services.yaml"), text);
        return stage(Map.of(ConfigKeys.SERVICES_FILE, "services.yaml"));
    }

    @Test
    void theFilesServicesFollowTheStackFilesWithTheSameSettings() throws IOException {
        ServiceCatalog services = StackConfigParser.parse(withFile("""
                checkout:
                  sampling:
                    rate: 0.05
                search:
                  sampling:
                    errorRate: 1
                """)).services();

        assertThat(services.file()).contains("services.yaml");
        assertThat(services.services()).extracting(ServiceSettings::name)
                .containsExactly("critical-service", "batch-service", "checkout", "search");
        assertThat(services.named("checkout").orElseThrow().rate()).contains(0.05);
        assertThat(services.named("search").orElseThrow().sampling().errorRate()).contains(1.0);
    }

    @Test
    void aRuleBrokenInTheFileNamesTheFileAndTheLine() throws IOException {
        assertThat(ConfigErrors.problems(withFile("""
                checkout:
                  sampling:
                    rate: 0.05
                search:
                  sampling:
                    rate: 1.5
                """))).containsExactly("services.yaml:6: search.sampling.rate must be within [0, 1], got 1.5");
    }

    @Test
    void aMistypedKeyInTheFileNamesItsLineAndTheKeyMeant() throws IOException {
        assertThat(ConfigErrors.problems(withFile("""
                checkout:
                  slo:
                    latencyP95: 300
                """))).containsExactly("services.yaml:3: checkout.slo.latencyP95 is not a known key "
                        + "(did you mean checkout.slo.latencyP95Ms?), got 300");
    }

    @Test
    void aServiceWrittenTwiceInTheFileIsRejectedWithBothLines() throws IOException {
        assertThat(ConfigErrors.problems(withFile("""
                checkout:
                  sampling:
                    rate: 0.05
                checkout:
                  sampling:
                    rate: 0.5
                """))).containsExactly("services.yaml:4: checkout is written twice (first at line 1); write each key "
                        + "once");
    }

    @Test
    void aServiceInBothTheStackFileAndTheFileIsRejected() throws IOException {
        assertThat(ConfigErrors.problems(withFile("""
                batch-service:
                  sampling:
                    rate: 0.1
                """))).containsExactly("services.yaml:1: batch-service is already defined in Pulumi.stage.yaml "
                        + "(tracestack:services.batch-service); define each service once");
    }

    @Test
    void aFileOutsideTheProjectIsRejected() {
        assertThat(ConfigErrors.problems(stage(Map.of(ConfigKeys.SERVICES_FILE, "../services.yaml"))))
                .containsExactly("Pulumi.stage.yaml: tracestack:servicesFile must be a path relative to the project "
                        + "directory and inside it, e.g. services.yaml, got ../services.yaml");
    }

    @Test
    void aMissingFileIsRejectedNamingTheDirectoryLookedIn() {
        assertThat(ConfigErrors.problems(stage(Map.of(ConfigKeys.SERVICES_FILE, "fleet.yaml"))))
                .containsExactly("Pulumi.stage.yaml: tracestack:servicesFile must name a file in the project directory "
                        + project.toAbsolutePath().normalize() + ", and there is none, got fleet.yaml");
    }

    @Test
    void aFileThatIsNotYamlIsRejectedWithTheLineOfTheUnclosedBracket() throws IOException {
        assertThat(ConfigErrors.problems(withFile("""
                checkout:
                  sampling: [rate: 0.1
                """))).containsExactly("services.yaml: is not valid YAML at line 2, column 13 (while parsing a flow "
                        + "sequence): expected ',' or ']', but got <stream end> at line 3, column 1");
    }

    @Test
    void aFileThatIsNotAMappingIsRejected() throws IOException {
        assertThat(ConfigErrors.problems(withFile("""
                - checkout
                - search
                """))).containsExactly("services.yaml:1: must be a mapping of service name to settings, the shape of "
                        + "tracestack:services");
    }
}
