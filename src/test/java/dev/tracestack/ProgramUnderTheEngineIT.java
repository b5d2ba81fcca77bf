package dev.tracestack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracestack.config.ConfigSource;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.testing.FakePulumiEngine;
import dev.tracestack.testing.StackHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import pulumirpc.EngineOuterClass.LogSeverity;
import pulumirpc.Resource.RegisterResourceRequest;

/**
 * The packaged program as {@code pulumi preview} and {@code pulumi up} run it: a process of its own, given the
 * engine's addresses and the stack's config in its environment, speaking the engine's gRPC protocol to an engine
 * on loopback ({@link FakePulumiEngine}) that answers each registration after a delay, as providers take time.
 */
class ProgramUnderTheEngineIT {

    private static final Path JAR = Path.of("target", "tracestack.jar");
    private static final Duration PROVIDER_TIME = Duration.ofMillis(1500);
    /** What {@code times} prints for the shell's children: user and system CPU time. */
    private static final Pattern CHILD_TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s\\s*$");

    @Test
    void aPreviewOfDevRegistersThePlansResourcesAndWaitsForTheEngineWithoutSpinning() throws Exception {
        try (FakePulumiEngine engine = FakePulumiEngine.start("tracestack", "dev", PROVIDER_TIME)) {
            long start = System.nanoTime();
            Run run = run(engine, true);
            double wallSeconds = (System.nanoTime() - start) / 1e9;

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(engine.logs()).as(run.output()).noneMatch(log -> log.getSeverity() == LogSeverity.ERROR);
            assertThat(registered(engine.registrations())).isEqualTo(planned(StackHarness.synth("dev").resources()));
            // Most of the run is waiting for answers, at least the depth of the resource tree times the delay.
            assertThat(wallSeconds).isGreaterThan(3 * PROVIDER_TIME.toMillis() / 1000.0);
            assertThat(run.cpuSeconds()).as("CPU seconds in %.1f s of wall time", wallSeconds)
                    .isLessThan(wallSeconds / 2);
        }
    }

    @Test
    void aRegistrationTheEngineRefusesFailsThePreviewWithTheEnginesMessage() throws Exception {
        try (FakePulumiEngine engine = FakePulumiEngine.refusing("kubernetes:core/v1:Namespace", "tracestack", "dev",
                Duration.ofMillis(100))) {
            Run run = run(engine, true);

            assertThat(run.exitCode()).as(run.output()).isNotZero();
            assertThat(engine.logs()).filteredOn(log -> log.getSeverity() == LogSeverity.ERROR)
                    .anySatisfy(log -> assertThat(log.getMessage()).contains("the provider refused"));
        }
    }

    @Test
    void anUpdateOfDevExportsTheOutputsThePlanShows() throws Exception {
        try (FakePulumiEngine engine = FakePulumiEngine.updating("tracestack", "dev", Duration.ofMillis(100))) {
            Run run = run(engine, false);

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(engine.logs()).as(run.output()).noneMatch(log -> log.getSeverity() == LogSeverity.ERROR);
            assertThat(registered(engine.registrations())).isEqualTo(planned(StackHarness.synth("dev").resources()));
            // Every output known, the service account's e-mail as its provider computed it, as the plan shows.
            Map<String, String> exported = new TreeMap<>();
            engine.stackOutputs().getFieldsMap().forEach((name, value) -> exported.put(name, value.getStringValue()));
            assertThat(exported).isEqualTo(StackHarness.synth("dev").outputs());
        }
    }

    /** What a run of the packaged program printed and returned, and the CPU it used. */
    private record Run(int exitCode, String output, double cpuSeconds) {
    }

    /** Runs the packaged program for dev as {@code pulumi preview} (a dry run) or {@code pulumi up} runs it. */
    private static Run run(FakePulumiEngine engine, boolean dryRun) throws Exception {
        ConfigSource dev = StackHarness.source("dev");
        ObjectMapper json = new ObjectMapper();
        // bash's `times` reports the CPU the program used, whatever the machine's load did to its wall time.
        ProcessBuilder program = new ProcessBuilder("bash", "-c",
                "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar " + JAR + "; status=$?; times; exit $status")
                .redirectErrorStream(true);
        program.environment().putAll(Map.of(
                "PULUMI_MONITOR", engine.address(),
                "PULUMI_ENGINE", engine.address(),
                "PULUMI_PROJECT", "tracestack",
                "PULUMI_STACK", "dev",
                "PULUMI_DRY_RUN", String.valueOf(dryRun),
                "PULUMI_CONFIG", json.writeValueAsString(dev.values()),
                "PULUMI_CONFIG_SECRET_KEYS", json.writeValueAsString(dev.secretKeys())));
        Process process = program.start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher times = CHILD_TIMES.matcher(output.strip());
        assertThat(times.find()).as(output).isTrue();
        double cpuSeconds = Integer.parseInt(times.group(1)) * 60 + Double.parseDouble(times.group(2))
                + Integer.parseInt(times.group(3)) * 60 + Double.parseDouble(times.group(4));
        return new Run(process.exitValue(), output, cpuSeconds);
    }

    /** Each registered resource as type, name and parent's name, the stack itself left out. */
    private static List<String> registered(List<RegisterResourceRequest> requests) {
        return requests.stream()
                .filter(r -> !r.getType().equals("pulumi:pulumi:Stack"))
                .map(r -> r.getType() + " " + r.getName() + " under " + nameOf(r.getParent()))
                .sorted()
                .toList();
    }

    private static List<String> planned(List<PlannedResource> resources) {
        return resources.stream()
                .map(r -> r.type() + " " + r.name() + " under " + (r.parent() == null ? "the stack" : r.parent()))
                .sorted()
                .toList();
    }

    private static String nameOf(String urn) {
        return urn.contains("::pulumi:pulumi:Stack::") ? "the stack" : urn.substring(urn.lastIndexOf("::") + 2);
    }
}
