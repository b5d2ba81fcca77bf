package dev.tracestack.rehearse;

import dev.tracestack.config.ServiceSettings;
import dev.tracestack.config.StackConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The keep rate of the stack's services with sampling rates of their own, measured: a rehearsal sends traces
 * that stay within one of them, and each service's ordinary traces (PII ones included, which sampling treats
 * alike) must be kept at its configured rate, within the 99.9% interval of what was kept.
 */
final class ServiceRateCheck {

    /** At most this many services send traces of their own: each needs enough traces to be measured. */
    static final int MAX_SERVICES = 4;

    private ServiceRateCheck() {
    }

    /** The first services of the stack with sampling rates of their own, whose traces a rehearsal sends too. */
    static List<String> services(StackConfig config) {
        return config.services().where(s -> s.rate().isPresent() || s.sampling().errorRate().isPresent()
                || s.sampling().slowRate().isPresent()).stream().limit(MAX_SERVICES).map(ServiceSettings::name)
                .toList();
    }

    /** Whether a trace is one of those, all of whose spans come from one service with settings of its own. */
    static boolean ownServiceTrace(StackConfig config, SentTrace trace) {
        return trace.services().size() == 1 && config.services().named(trace.services().iterator().next()).isPresent();
    }

    /** One row per service: its ordinary traces sent and kept against its configured rate. */
    static List<Report.ClassRow> rows(StackConfig config, List<SentTrace> sent, Capture primary) {
        List<Report.ClassRow> rows = new ArrayList<>();
        for (String service : services(config)) {
            List<SentTrace> ordinary = sent.stream().filter(t -> t.services().equals(Set.of(service)))
                    .filter(t -> t.traceClass() == TraceClass.ORDINARY || t.traceClass() == TraceClass.PII).toList();
            long kept = ordinary.stream().filter(t -> primary.spans().containsKey(t.traceId())).count();
            double configured = TraceClass.ORDINARY.configuredKeepRate(config, Set.of(service));
            BinomialInterval interval = BinomialInterval.wilson(kept, ordinary.size(), BinomialInterval.Z_999);
            rows.add(new Report.ClassRow(service, ordinary.size(), kept, 100 * configured, 100 * interval.low(),
                    100 * interval.high()));
        }
        return rows;
    }

    /** The check: every service's configured rate within its interval (exactly, for rates of 0 and 1). */
    static Report.Check check(List<Report.ClassRow> rows) {
        List<String> off = rows.stream().filter(r -> !holds(r)).map(Report.ClassRow::traceClass).toList();
        return new Report.Check("keep rate per service", off.isEmpty() && rows.stream().allMatch(r -> r.sent() > 0),
                off.isEmpty() ? rows.size() + " services' configured rates lie in the 99.9% interval of what was kept"
                        : "outside the interval: " + off);
    }

    private static boolean holds(Report.ClassRow row) {
        return BinomialInterval.consistent(row.configuredPercent() / 100, row.kept(), row.sent());
    }
}
