package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.testing.E2ePrograms;
import dev.tracestack.testing.StackHarness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The dress rehearsals of dev, stage, prod and the local stack on the real collector, Jaeger and Elasticsearch,
 * and the faults: what each environment keeps, redacts and loses, measured. The rehearsals run in lanes side by
 * side on one Elasticsearch (each stack writes under its own index prefix), and each test reads the
 * report of its rehearsal.
 */
@ResourceLock(SharedStorage.PROD_PREFIX)
class RehearsalIT {

    /** Enough to measure keep rates; the faults run at the CLI's default and prod's crash also at twice it. */
    private static final int TRACES = 1500;
    private static final int FAULT_TRACES = RehearsalOptions.DEFAULT_TRACES;
    private static final int TWICE_FAULT_TRACES = 2 * FAULT_TRACES;
    private static final Path OUT = Path.of("target", "rehearse").toAbsolutePath();
    private static final Map<String, Report> REPORTS = new ConcurrentHashMap<>();
    private static JaegerStorage storage;
    private static ExecutorService lanes;

    @BeforeAll
    static void rehearseEveryStackAndFault() {
        storage = SharedStorage.get();
        lanes = Executors.newFixedThreadPool(3);
        // Most of a rehearsal is waiting (for decisions, for the minute's metrics), so three run side by
        // side. One stack's rehearsals share a lane: they share the stack's index prefix.
        List<Future<?>> all = List.of(
                lanes.submit(() -> {
                    rehearse("stage", Fault.NONE);
                    rehearse("stage", Fault.GATEWAY_CRASH, FAULT_TRACES);
                    // The local stack's Elasticsearch runs unsecured, as on a workstation: a node of its own.
                    rehearse("local", Fault.NONE, TRACES, null);
                }),
                lanes.submit(() -> {
                    rehearse("prod", Fault.NONE);
                    rehearse("prod", Fault.GATEWAY_CRASH, FAULT_TRACES);
                    rehearse("prod", Fault.GATEWAY_CRASH, TWICE_FAULT_TRACES);
                }),
                lanes.submit(() -> {
                    rehearse("dev", Fault.NONE);
                    rehearse("dev", Fault.GATEWAY_CRASH, FAULT_TRACES);
                    rehearse("dev", Fault.SAMPLER_SCALE);
                }));
        for (Future<?> lane : all) {
            try {
                lane.get(25, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new AssertionError("a rehearsal lane failed", e);
            }
        }
    }

    @AfterAll
    static void stopLanes() {
        if (lanes != null) {
            lanes.shutdownNow();
        }
    }

    private static void rehearse(String stack, Fault fault) {
        rehearse(stack, fault, TRACES, storage);
    }

    private static void rehearse(String stack, Fault fault, int traces) {
        rehearse(stack, fault, traces, storage);
    }

    /** Rehearses on {@code elasticsearch}, or on a node of the rehearsal's own where it is {@code null}. */
    private static void rehearse(String stack, Fault fault, int traces, JaegerStorage elasticsearch) {
        StackConfig config = StackHarness.config(stack);
        RehearsalOptions options = new RehearsalOptions(OUT.resolve(stack + "-" + fault.id() + "-" + traces), traces,
                RehearsalOptions.DEFAULT_PER_SECOND, RehearsalOptions.DEFAULT_SEED, fault, E2ePrograms.DIR);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Report report = Rehearsal.run(config, RenderedStack.render(config), options, elasticsearch,
                new PrintStream(progress, true, StandardCharsets.UTF_8));
        report.print(System.out);
        REPORTS.put(stack + "/" + fault.id() + "/" + traces, report);
    }

    private static Report report(String stack, Fault fault) {
        return report(stack, fault, fault == Fault.NONE || fault == Fault.SAMPLER_SCALE ? TRACES : FAULT_TRACES);
    }

    private static Report report(String stack, Fault fault, int traces) {
        Report report = REPORTS.get(stack + "/" + fault.id() + "/" + traces);
        assertThat(report).as("the report of " + stack + " " + fault.id() + " at " + traces + " traces").isNotNull();
        return report;
    }

    private static Report.ClassRow row(Report report, TraceClass traceClass) {
        return report.classes().stream().filter(r -> r.traceClass().equals(traceClass.id())).findFirst().orElseThrow();
    }

    @Test
    void devKeepsTenPercentOfOrdinaryTracesHalfOfTheErrorsAndThirtyPercentOfTheSlowOnes() {
        Report dev = report("dev", Fault.NONE);

        assertThat(dev.checks()).allSatisfy(check -> assertThat(check.holds()).as(check.name() + ": " + check.detail()).isTrue());
        assertThat(row(dev, TraceClass.ORDINARY).configuredPercent()).isEqualTo(10.0);
        assertThat(row(dev, TraceClass.ERROR).configuredPercent()).isEqualTo(50.0);
        assertThat(row(dev, TraceClass.SLOW).configuredPercent()).isEqualTo(30.0);
        assertThat(row(dev, TraceClass.ORDINARY).sent()).isGreaterThan(500);
        assertThat(dev.checks()).extracting(Report.Check::name).contains("kept traces are the ones the sampling hash keeps",
                "sensitive attributes hashed, masked or deleted as configured",
                "no credential, card number, e-mail address, token, SQL text or raw user id stored",
                "every alert condition and dashboard query selects series the collector wrote",
                "metrics written on the monitored resource types the MetricCatalog gives");
    }

    @Test
    void stageKeepsThirtyPercentAndJaegerReturnsEveryKeptTraceFromElasticsearch() {
        Report stage = report("stage", Fault.NONE);

        assertThat(stage.checks()).allSatisfy(check -> assertThat(check.holds()).as(check.name() + ": " + check.detail()).isTrue());
        assertThat(row(stage, TraceClass.ORDINARY).configuredPercent()).isEqualTo(30.0);
        assertThat(stage.figures()).containsEntry("incomplete traces at otlp_grpc/jaeger", 0L)
                .containsEntry("spans delivered twice or more at googlecloud", 0L);
        assertThat(stage.checks()).extracting(Report.Check::name).contains("remote sampling serves the configured strategies",
                "every backend got the same traces");
    }

    @Test
    void stageKeepsItsCriticalServicesTracesAndOnePercentOfItsBatchServicesTraceByTrace() {
        // The sampler's per-service policies, and the marks that keep the stack's rates to the other services,
        // decide on the real collector exactly as the model of the configured rates predicts, trace by trace.
        Report stage = report("stage", Fault.NONE);

        assertThat(stage.services()).extracting(Report.ClassRow::traceClass)
                .containsExactly("critical-service", "batch-service");
        Report.ClassRow critical = stage.services().get(0);
        assertThat(critical.sent()).isGreaterThan(50);
        assertThat(critical.kept()).isEqualTo(critical.sent());
        assertThat(stage.services().get(1).configuredPercent()).isEqualTo(1.0);
        assertThat(stage.checks()).extracting(Report.Check::name).contains("keep rate per service",
                "kept traces are the ones the sampling hash keeps", "the sampler's marks are removed");
    }

    @Test
    void prodKeepsEveryTraceButTheHealthChecks() {
        Report prod = report("prod", Fault.NONE);

        assertThat(prod.checks()).allSatisfy(check -> assertThat(check.holds()).as(check.name() + ": " + check.detail()).isTrue());
        for (TraceClass kept : List.of(TraceClass.ORDINARY, TraceClass.ERROR, TraceClass.SLOW, TraceClass.PII)) {
            assertThat(row(prod, kept).kept()).as(kept.id()).isEqualTo(row(prod, kept).sent());
        }
        assertThat(row(prod, TraceClass.NOISE).kept()).isZero();
    }

    @Test
    void theLocalStackKeepsEveryTraceButTheHealthChecksThroughOneGatewayAndJaegerAllInOne() {
        Report local = report("local", Fault.NONE);

        assertThat(local.checks()).allSatisfy(check -> assertThat(check.holds()).as(check.name() + ": " + check.detail()).isTrue());
        for (TraceClass kept : List.of(TraceClass.ORDINARY, TraceClass.ERROR, TraceClass.SLOW, TraceClass.PII)) {
            assertThat(row(local, kept).kept()).as(kept.id()).isEqualTo(row(local, kept).sent()).isPositive();
        }
        assertThat(row(local, TraceClass.NOISE).kept()).isZero();
        assertThat(local.figures()).containsEntry("incomplete traces at otlp_grpc/jaeger", 0L)
                .doesNotContainKey("traces lost at googlecloud");
        assertThat(local.checks()).extracting(Report.Check::name).contains("remote sampling serves the configured strategies",
                "sensitive attributes hashed, masked or deleted as configured");
    }

    @ParameterizedTest
    @ValueSource(ints = {FAULT_TRACES, TWICE_FAULT_TRACES})
    void prodLosesNothingWhenAGatewayIsKilledWhileJaegerIsDown(int traces) {
        Report crash = report("prod", Fault.GATEWAY_CRASH, traces);

        assertThat(crash.figures()).containsEntry("traces lost at otlp_grpc/jaeger", 0L)
                .containsEntry("traces lost at googlecloud", 0L)
                .containsEntry("traces lost at googlecloudpubsub", 0L);
        assertThat(crash.checks()).allSatisfy(check -> assertThat(check.holds()).as(check.name() + ": " + check.detail()).isTrue());
    }

    @Test
    void stageReportsWhatAKilledGatewayLosesWithoutAPersistentQueue() {
        Report crash = report("stage", Fault.GATEWAY_CRASH);

        assertThat(crash.figures()).containsKeys("traces lost at otlp_grpc/jaeger", "traces lost at googlecloud");
        assertThat(crash.checks()).filteredOn(check -> !check.name().startsWith("loss without"))
                .allSatisfy(check -> assertThat(check.holds()).as(check.name() + ": " + check.detail()).isTrue());
    }

    @Test
    void devReportsWhatAKilledGatewayLosesWithoutAPersistentQueue() {
        Report crash = report("dev", Fault.GATEWAY_CRASH);

        assertThat(crash.figures()).containsKeys("traces lost at googlecloud", "traces lost at googlecloudpubsub");
        assertThat(crash.checks()).allSatisfy(check -> assertThat(check.holds()).as(check.name() + ": " + check.detail()).isTrue());
    }

    @Test
    void scalingTheSamplerTierSplitsOnlyErrorAndSlowTracesAndLosesNoneOutright() {
        Report scale = report("dev", Fault.SAMPLER_SCALE);

        assertThat(scale.checks()).extracting(Report.Check::name).contains(
                "ordinary traces stay whole while the sampler tier scales",
                "every kept trace arrives, in part at least, while the sampler tier scales");
        assertThat(scale.checks()).allSatisfy(check -> assertThat(check.holds()).as(check.name() + ": " + check.detail()).isTrue());
        assertThat(scale.figures()).containsKey("traces lost at googlecloud")
                .containsEntry("traces the SDK could not deliver to a gateway", 0L);
    }
}
