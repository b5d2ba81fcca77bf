package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.testing.StackHarness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What a change of the sampler tier may cost, judged on dev's deployed config: an error trace split over two
 * samplers may arrive in part, an ordinary one never, and no kept trace may be missing outright.
 */
class SamplerScaleChecksTest {

    private static final StackConfig DEV = StackHarness.config("dev");
    private static final RenderedStack RENDERED = RenderedStack.render(DEV);
    private static final SamplingModel MODEL = new SamplingModel(DEV, true);
    private static final int SPANS = 3;

    @Test
    void anErrorTraceDeliveredInPartPassesAndOneMissingOutrightFails() {
        List<SentTrace> errors = kept(TraceClass.ERROR, 2);
        Map<String, Integer> delivered = Map.of(errors.get(0).traceId(), 2, errors.get(1).traceId(), 1);
        assertThat(holds(errors, delivered, "every kept trace arrives, in part at least, while the sampler tier scales"))
                .isTrue();

        Map<String, Integer> oneMissing = Map.of(errors.get(0).traceId(), SPANS);
        assertThat(holds(errors, oneMissing, "every kept trace arrives, in part at least, while the sampler tier scales"))
                .isFalse();
        assertThat(holds(errors, oneMissing, "ordinary traces stay whole while the sampler tier scales")).isTrue();
    }

    @Test
    void anOrdinaryTraceDeliveredInPartFails() {
        List<SentTrace> ordinary = kept(TraceClass.ORDINARY, 1);

        assertThat(holds(ordinary, Map.of(ordinary.get(0).traceId(), 2),
                "ordinary traces stay whole while the sampler tier scales")).isFalse();
        assertThat(holds(ordinary, Map.of(ordinary.get(0).traceId(), SPANS),
                "ordinary traces stay whole while the sampler tier scales")).isTrue();
    }

    /** The first {@code count} trace ids the deployed sampling keeps for the class. */
    private static List<SentTrace> kept(TraceClass traceClass, int count) {
        return IntStream.range(1, 10_000).mapToObj(i -> String.format("%032x", i * 7919L))
                .filter(id -> MODEL.keeps(traceClass, id, Set.of("checkout")))
                .limit(count)
                .map(id -> new SentTrace(id, traceClass, SPANS, Map.of(), List.of(), Set.of("checkout")))
                .toList();
    }

    private static boolean holds(List<SentTrace> sent, Map<String, Integer> spansDelivered, String check) {
        Map<String, List<Capture.CapturedSpan>> spans = new LinkedHashMap<>();
        spansDelivered.forEach((id, count) -> {
            List<Capture.CapturedSpan> delivered = new ArrayList<>();
            for (int s = 0; s < count; s++) {
                delivered.add(new Capture.CapturedSpan(id.substring(16) + s, "GET /checkout", 0, Map.of(),
                        Map.of("deployment.environment.name", "dev", "deployment.environment", "dev")));
            }
            spans.put(id, delivered);
        });
        Capture capture = new Capture(spans, List.of());
        RehearsalChecks.Outcome outcome = new RehearsalChecks.Outcome(sent, Set.of(), "googlecloud",
                Map.of("googlecloud", capture, "googlecloudpubsub", capture), Capture.empty(), Map.of(), new QueueDrain(Map.of(), 0));
        Report report = RehearsalChecks.report(DEV, RENDERED, Fault.SAMPLER_SCALE, 42, 1, MODEL, outcome);
        return report.checks().stream().filter(c -> c.name().equals(check)).findFirst().orElseThrow().holds();
    }
}
