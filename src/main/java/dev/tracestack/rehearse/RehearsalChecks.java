package dev.tracestack.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.collector.CollectorTier;
import dev.tracestack.render.collector.QueueOutage;
import dev.tracestack.render.jaeger.JaegerArtifacts;
import dev.tracestack.wire.EnvironmentAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns what a rehearsal sent and what came out into the report's rows, checks and figures. */
final class RehearsalChecks {

    /**
     * What came out of a rehearsal.
     *
     * @param sent            every trace sent
     * @param undelivered     traces the SDK could not hand to a gateway after its retries
     * @param primary         the exporter whose deliveries count as kept (Cloud Trace's, or Jaeger's without it)
     * @param traces          what each trace exporter delivered, by exporter id
     * @param metrics         the time series written to Cloud Monitoring's recorder
     * @param strategiesServed what Jaeger's remote-sampling endpoint served, by service (empty without Jaeger)
     */
    record Outcome(List<SentTrace> sent, Set<String> undelivered, String primary, Map<String, Capture> traces,
                   Capture metrics, Map<String, JsonNode> strategiesServed, QueueDrain queues) {
    }

    /** The prefix of the attributes the sampler marks spans with for its decision, and removes after it. */
    static final String SAMPLING_MARKS = "tracestack.sampling.";

    private RehearsalChecks() {
    }

    static Report report(StackConfig config, RenderedStack rendered, Fault fault, long seed, double seconds,
                         SamplingModel model, Outcome outcome) {
        Capture primary = outcome.traces().get(outcome.primary());
        List<Report.ClassRow> rows = new ArrayList<>();
        List<Report.Check> checks = new ArrayList<>();
        Map<String, Long> figures = new LinkedHashMap<>();
        Map<String, SentTrace> byId = outcome.sent().stream().collect(Collectors.toMap(SentTrace::traceId, t -> t));

        boolean ratesHold = true;
        for (TraceClass traceClass : TraceClass.values()) {
            List<SentTrace> ofClass = outcome.sent().stream().filter(t -> t.traceClass() == traceClass)
                    .filter(t -> !ServiceRateCheck.ownServiceTrace(config, t)).toList();
            long kept = ofClass.stream().filter(t -> primary.spans().containsKey(t.traceId())).count();
            double configured = traceClass.configuredKeepRate(config, Set.of());
            BinomialInterval interval = BinomialInterval.wilson(kept, ofClass.size(), BinomialInterval.Z_999);
            rows.add(new Report.ClassRow(traceClass.id(), ofClass.size(), kept, 100 * configured,
                    100 * interval.low(), 100 * interval.high()));
            ratesHold &= BinomialInterval.consistent(configured, kept, ofClass.size());
        }
        List<Report.ClassRow> services = ServiceRateCheck.rows(config, outcome.sent(), primary);
        Set<String> predicted = outcome.sent().stream().filter(t -> model.keeps(t.traceClass(), t.traceId(), t.services()))
                .map(SentTrace::traceId).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        if (fault == Fault.NONE) {
            checks.add(new Report.Check("keep rate per class", ratesHold,
                    "every class's configured rate lies in the 99.9% interval of what was kept"));
            if (!services.isEmpty()) {
                checks.add(ServiceRateCheck.check(services));
            }
            long unexpected = primary.traceIds().stream().filter(id -> byId.containsKey(id) && !predicted.contains(id)).count();
            long missing = predicted.stream().filter(id -> !primary.spans().containsKey(id)).count();
            checks.add(new Report.Check("kept traces are the ones the sampling hash keeps", unexpected == 0 && missing == 0,
                    predicted.size() + " predicted, " + missing + " of them missing, " + unexpected + " kept unexpectedly"));
        }
        long incomplete = 0;
        for (Map.Entry<String, Capture> exporter : outcome.traces().entrySet()) {
            long broken = exporter.getValue().traceIds().stream().filter(byId::containsKey)
                    .filter(id -> exporter.getValue().spanCount(id) != byId.get(id).spans()).count();
            incomplete += broken;
            figures.put("incomplete traces at " + exporter.getKey(), broken);
            figures.put("spans delivered twice or more at " + exporter.getKey(), exporter.getValue().duplicates());
        }
        if (fault == Fault.NONE) {
            checks.add(new Report.Check("kept traces are whole", incomplete == 0,
                    incomplete + " traces reached a backend with spans missing (spans of a trace came through different gateways)"));
        }
        Set<String> primaryKept = primary.traceIds();
        List<String> disagreeing = outcome.traces().entrySet().stream()
                .filter(e -> !e.getValue().traceIds().equals(primaryKept))
                .map(e -> e.getKey() + " (" + e.getValue().traceIds().size() + ")").toList();
        if (fault == Fault.NONE) {
            checks.add(new Report.Check("every backend got the same traces", disagreeing.isEmpty(),
                    disagreeing.isEmpty() ? outcome.traces().keySet() + " each delivered " + primaryKept.size()
                            : "differ from " + outcome.primary() + " (" + primaryKept.size() + "): " + disagreeing));
        }
        long noise = outcome.sent().stream().filter(t -> t.traceClass() == TraceClass.NOISE)
                .filter(t -> outcome.traces().values().stream().anyMatch(c -> c.spans().containsKey(t.traceId()))).count();
        checks.add(outcome.queues().check());
        checks.add(new Report.Check("noise never kept", noise == 0, noise + " health-check traces reached a backend"));

        RedactionCheck redaction = RedactionCheck.of(rendered.file(CollectorTier.of(config).get(0).artifact()),
                SecretEnvironment.HASH_KEY);
        List<String> leaks = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        long piiChecked = 0;
        for (Map.Entry<String, Capture> exporter : outcome.traces().entrySet()) {
            piiChecked += RedactionCheck.checked(outcome.sent(), exporter.getValue());
            redaction.violations(outcome.sent(), exporter.getValue()).forEach(v -> leaks.add(exporter.getKey() + ": " + v));
            RedactionCheck.storedAnyway(outcome.sent(), exporter.getValue()).forEach(v -> stored.add(exporter.getKey() + ": " + v));
        }
        checks.add(new Report.Check("sensitive attributes hashed, masked or deleted as configured", leaks.isEmpty() && piiChecked > 0,
                leaks.isEmpty() ? piiChecked + " delivered PII traces checked" : leaks.size() + " violations, e.g. "
                        + leaks.subList(0, Math.min(3, leaks.size()))));
        checks.add(new Report.Check("no credential, card number, e-mail address, token, SQL text or raw user id stored",
                stored.isEmpty() && piiChecked > 0, stored.isEmpty() ? "none in " + piiChecked + " delivered PII traces"
                        : stored.size() + " found, e.g. " + stored.subList(0, Math.min(3, stored.size()))));

        long marked = outcome.traces().values().stream().flatMap(c -> c.spans().values().stream())
                .flatMap(List::stream).filter(s -> s.attributes().keySet().stream()
                        .anyMatch(key -> key.startsWith(SAMPLING_MARKS))).count();
        checks.add(new Report.Check("the sampler's marks are removed", marked == 0,
                marked + " delivered spans carry a " + SAMPLING_MARKS + "* attribute"));

        String environment = config.environment().id();
        long unlabelled = outcome.traces().values().stream().flatMap(c -> c.spans().values().stream())
                .flatMap(List::stream).filter(s -> EnvironmentAttributes.ALL.stream()
                        .anyMatch(key -> !environment.equals(s.resource().get(key)))).count();
        checks.add(new Report.Check("deployment.environment.name (and the deprecated deployment.environment) is "
                + environment, unlabelled == 0, unlabelled + " delivered spans without both"));

        if (!outcome.strategiesServed().isEmpty()) {
            List<String> differences = StrategyCheck.differences(rendered.file(JaegerArtifacts.STRATEGIES),
                    outcome.strategiesServed());
            checks.add(new Report.Check("remote sampling serves the configured strategies", differences.isEmpty(),
                    differences.isEmpty() ? outcome.strategiesServed().size() + " services asked" : String.join("; ", differences)));
        }
        if (fault == Fault.NONE && rendered.files().keySet().stream().anyMatch(p -> p.startsWith("monitoring/"))) {
            List<Capture.WrittenSeries> written = outcome.metrics().series();
            MetricCoverageCheck.Result coverage = MetricCoverageCheck.check(MetricCoverageCheck.queries(rendered), written);
            checks.add(new Report.Check("every alert condition and dashboard query selects series the collector wrote",
                    coverage.failed().isEmpty() && !coverage.checked().isEmpty(),
                    (coverage.failed().isEmpty() ? coverage.checked().size() + " filters select written series"
                            : coverage.failed().size() + " select nothing: " + coverage.failed())
                            + "; not checked (" + coverage.notChecked().size() + "): " + coverage.notChecked()));
            List<String> offCatalog = MetricCoverageCheck.offCatalog(written);
            checks.add(new Report.Check("metrics written on the monitored resource types the MetricCatalog gives",
                    offCatalog.isEmpty() && !written.isEmpty(), (offCatalog.isEmpty() ? written.size() + " series written"
                            : String.join("; ", offCatalog)) + "; by resource type: "
                            + MetricCoverageCheck.resourceTypes(written)));
        }
        figures.put("traces the SDK could not deliver to a gateway", (long) outcome.undelivered().size());
        if (fault != Fault.NONE) {
            faultFigures(config, fault, predicted, byId, outcome, figures, checks);
        }
        return new Report(config.stack(), fault.id(), seed, seconds, rows, services, checks, figures,
                QueueOutage.of(config).map(QueueOutage::describe).orElse(""));
    }

    /** Traces the sampling would keep that a backend lost or got in part, per exporter. */
    private static void faultFigures(StackConfig config, Fault fault, Set<String> predicted, Map<String, SentTrace> byId,
                                     Outcome outcome, Map<String, Long> figures, List<Report.Check> checks) {
        long worst = 0;
        for (Map.Entry<String, Capture> exporter : outcome.traces().entrySet()) {
            long lost = predicted.stream().filter(id -> !outcome.undelivered().contains(id))
                    .filter(id -> exporter.getValue().spanCount(id) != byId.get(id).spans()).count();
            figures.put("traces lost at " + exporter.getKey(), lost);
            worst = Math.max(worst, lost);
        }
        if (fault == Fault.SAMPLER_SCALE) {
            // A trace split over two samplers by a change of the ring is decided on each: the probabilistic
            // draw (one hash, one salt) agrees, so only the error and slow policies, which see part of the
            // trace, can keep one part and drop the other. The part that holds the error or the slow span is
            // kept wherever it lands, so a kept trace may arrive incomplete but never not at all; how many
            // split depends on how long the gateways' rings disagree, which is a figure, not a limit.
            List<String> brokenByDraw = predicted.stream().filter(id -> !outcome.undelivered().contains(id))
                    .filter(id -> byId.get(id).traceClass() == TraceClass.ORDINARY || byId.get(id).traceClass() == TraceClass.PII)
                    .filter(id -> outcome.traces().values().stream().anyMatch(c -> c.spanCount(id) != byId.get(id).spans()))
                    .toList();
            checks.add(new Report.Check("ordinary traces stay whole while the sampler tier scales", brokenByDraw.isEmpty(),
                    brokenByDraw.size() + " ordinary or PII traces incomplete; " + worst + " of " + predicted.size()
                            + " kept traces incomplete or lost in all (error and slow traces split by the change)"));
            List<String> lostInAll = predicted.stream().filter(id -> !outcome.undelivered().contains(id))
                    .filter(id -> outcome.traces().values().stream().anyMatch(c -> c.spanCount(id) == 0))
                    .toList();
            checks.add(new Report.Check("every kept trace arrives, in part at least, while the sampler tier scales",
                    lostInAll.isEmpty(), lostInAll.size() + " of " + predicted.size() + " kept traces missing at a backend"
                            + (lostInAll.isEmpty() ? "" : ", e.g. " + lostInAll.get(0))));
        } else if (config.collector().persistentQueue().enabled()) {
            checks.add(new Report.Check("nothing lost with the persistent queue", worst == 0,
                    worst + " of " + predicted.size() + " kept traces lost or incomplete"));
        } else {
            checks.add(new Report.Check("loss without a persistent queue (a figure, not a limit)", true,
                    worst + " of " + predicted.size() + " kept traces lost or incomplete"));
        }
    }
}
