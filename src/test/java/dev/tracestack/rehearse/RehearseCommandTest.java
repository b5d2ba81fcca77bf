package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.StackHarness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code rehearse}: one line saying what is wrong, the right exit code, nothing started. */
class RehearseCommandTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int rehearse(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--dir", StackHarness.PROJECT_DIR.toString(), "--out", tmp.resolve("out").toString()));
        return RehearseCommand.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), tmp.resolve("no-e2e"));
    }

    private String firstErrorLine() {
        return err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
    }

    @Test
    void anUnknownStackIsAConfigErrorNamingTheMissingFile() {
        assertThat(rehearse("qa")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Pulumi.qa.yaml");
    }

    @Test
    void noTracesIsAUsageError() {
        assertThat(rehearse("dev", "--traces", "0")).isEqualTo(2);
        assertThat(firstErrorLine()).isEqualTo("tracestack rehearse: --traces must be a whole number above 0, got 0");
    }

    @Test
    void aTraceCountThatIsNoNumberIsAUsageError() {
        assertThat(rehearse("dev", "--traces", "many")).isEqualTo(2);
        assertThat(firstErrorLine()).isEqualTo("tracestack rehearse: --traces must be a whole number above 0, got many");
    }

    @Test
    void anUnknownFaultIsAUsageErrorListingTheFaults() {
        assertThat(rehearse("dev", "--fault", "disk-full")).isEqualTo(2);
        assertThat(firstErrorLine()).isEqualTo("tracestack rehearse: --fault must be one of jaeger-down, gateway-crash, "
                + "sampler-scale, got disk-full");
    }

    @Test
    void aJaegerFaultOnAStackWithoutJaegerIsAUsageError() {
        assertThat(rehearse("dev", "--fault", "jaeger-down")).isEqualTo(2);
        assertThat(firstErrorLine()).isEqualTo("tracestack rehearse: --fault jaeger-down needs Jaeger, which dev does not deploy");
    }

    @Test
    void scalingSamplersOnAStackWithoutASamplerTierIsAUsageError() {
        assertThat(rehearse("prod", "--fault", "sampler-scale")).isEqualTo(2);
        assertThat(firstErrorLine()).isEqualTo("tracestack rehearse: --fault sampler-scale needs a sampler tier; prod keeps "
                + "every trace and runs the gateway alone");
    }

    @Test
    void missingProgramsAreAnEnvironmentFailureNamingEachOne() {
        assertThat(rehearse("prod")).isEqualTo(1);
        assertThat(firstErrorLine()).startsWith("tracestack rehearse: missing ")
                .contains(tmp.resolve("no-e2e/bin/otelcol-tracestack").toString())
                .contains(tmp.resolve("no-e2e/bin/jaeger").toString())
                .contains(tmp.resolve("no-e2e/elasticsearch-8.19.3/bin/elasticsearch").toString())
                .endsWith("(build them with ./mvnw -B verify, or e2e/build.sh for the Go programs)");
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        assertThat(RehearseCommand.run(List.of("--help"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: tracestack rehearse <stack>");
    }
}
