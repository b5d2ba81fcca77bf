package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading stack files as the Pulumi CLI would, and the message for each way a file can be broken. */
class StackFileReaderTest {

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void flattensValuesAsTheCliDoesScalarsAsTextAndObjectsAsJson() throws IOException {
        write("Pulumi.dev.yaml", """
                config:
                  gcp:project: dta-cloud-de-dev
                  tracestack:retentionDays: 3
                  tracestack:sampling:
                    defaultRate: 0.1
                """);
        ConfigSource source = StackFileReader.read(dir, "dev");
        assertThat(source.values()).containsEntry("gcp:project", "dta-cloud-de-dev")
                .containsEntry("tracestack:retentionDays", "3")
                .containsEntry("tracestack:sampling", "{\"defaultRate\":0.1}");
        assertThat(source.file()).isEqualTo("Pulumi.dev.yaml");
    }

    @Test
    void projectDefaultsApplyUnlessTheStackOverridesThem() throws IOException {
        write("Pulumi.yaml", """
                name: tracestack
                config:
                  pulumi:disable-default-providers:
                    value: ["*"]
                  retentionDays:
                    default: 7
                  gcp:region:
                    value: europe-west1
                """);
        write("Pulumi.dev.yaml", """
                config:
                  gcp:region: europe-west3
                """);
        ConfigSource source = StackFileReader.read(dir, "dev");
        assertThat(source.values()).containsEntry("tracestack:retentionDays", "7")
                .containsEntry("gcp:region", "europe-west3");
    }

    @Test
    void encryptedValuesAreMarkedSecretWithoutAValue() throws IOException {
        write("Pulumi.stage.yaml", """
                config:
                  tracestack:slackAuthToken:
                    secure: v1:abc123
                """);
        ConfigSource source = StackFileReader.read(dir, "stage");
        assertThat(source.secretKeys()).containsExactly("tracestack:slackAuthToken");
        assertThat(source.values()).containsEntry("tracestack:slackAuthToken", StackFileReader.ENCRYPTED);
    }

    @Test
    void aMissingStackFileSaysWhereItLookedAndWhichStacksThereAre() throws IOException {
        assertThatThrownBy(() -> StackFileReader.read(dir, "qa"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("Pulumi.qa.yaml: stack file not found in " + dir.toAbsolutePath().normalize()
                        + " (there is no Pulumi.<stack>.yaml there)");
        write("Pulumi.stage.yaml", "config: {}\n");
        write("Pulumi.dev.yaml", "config: {}\n");
        assertThatThrownBy(() -> StackFileReader.read(dir, "prd"))
                .hasMessage("Pulumi.prd.yaml: stack file not found in " + dir.toAbsolutePath().normalize()
                        + " (the stacks there are dev, stage)");
        assertThatThrownBy(() -> StackFileReader.read(dir, "stag"))
                .hasMessageEndingWith(" (the stacks there are dev, stage; did you mean stage?)");
    }

    @Test
    void anEmptyStackFileIsRejected() throws IOException {
        write("Pulumi.dev.yaml", "# nothing yet\n");
        assertThatThrownBy(() -> StackFileReader.read(dir, "dev"))
                .hasMessage("Pulumi.dev.yaml: is empty; a stack file needs a `config:` mapping of namespace:key to value");
    }

    @Test
    void aYamlSyntaxErrorNamesTheLine() throws IOException {
        write("Pulumi.dev.yaml", "config:\n  gcp:project: [unclosed\n");
        assertThatThrownBy(() -> StackFileReader.read(dir, "dev"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("Pulumi.dev.yaml: is not valid YAML at line 2, column 16 (while parsing a flow sequence): "
                        + "expected ',' or ']', but got <stream end> at line 3, column 1");
    }

    @Test
    void aConfigThatIsNotAMappingIsRejected() throws IOException {
        write("Pulumi.dev.yaml", "config:\n  - gcp:project\n");
        assertThatThrownBy(() -> StackFileReader.read(dir, "dev"))
                .hasMessage("Pulumi.dev.yaml: config must be a mapping of namespace:key to value, got [\"gcp:project\"]");
    }

    @Test
    void aFileWithoutConfigIsRejected() throws IOException {
        write("Pulumi.dev.yaml", "encryptionsalt: v1:xyz\n");
        assertThatThrownBy(() -> StackFileReader.read(dir, "dev"))
                .hasMessage("Pulumi.dev.yaml: config must be a mapping of namespace:key to value, it is not set");
    }

    @Test
    void aKeyWrittenTwiceInOneMappingIsRejectedWithItsLine() throws IOException {
        write("Pulumi.stage.yaml", """
                config:
                  tracestack:services:
                    checkout:
                      sampling: {rate: 0.1}
                    checkout:
                      sampling: {rate: 0.5}
                """);
        assertThatThrownBy(() -> StackFileReader.read(dir, "stage"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("Pulumi.stage.yaml: is not valid YAML at line 5, column")
                .hasMessageContaining("Duplicate field 'checkout'");
    }
}
