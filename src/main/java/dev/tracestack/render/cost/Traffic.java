package dev.tracestack.render.cost;

import dev.tracestack.config.CostSettings;
import dev.tracestack.config.ServiceSettings;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.collector.SamplingPolicies;
import dev.tracestack.render.collector.SamplingPolicy;
import dev.tracestack.render.collector.SamplingPolicy.TraceClass;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The span volume a month brings, before and after sampling. The keep rate of each trace class comes from
 * {@link SamplingPolicy#keepRate}, the same code the collector's {@code tail_sampling} policies are rendered
 * from, so the estimate prices exactly what the collector keeps; with services that have rates of their own, it
 * is their average over the stack's {@code cost.services}.
 *
 * @param receivedSpans the spans a month the collector receives past its noise filter
 * @param keptShare     the share of them the exporting tier keeps and exports
 * @param keptSpans     the spans a month every trace backend receives
 * @param spanBytes     the size of one span as published (OTLP/JSON), in bytes
 * @param classes       each trace class's share of all traces and keep rate, by class name
 * @param measured      whether {@code keptSpans} is a measured month rather than the stack's assumption
 */
public record Traffic(double receivedSpans, double keptShare, double keptSpans, int spanBytes,
                      Map<String, TraceClassShare> classes, boolean measured) {

    /** Binary units, as Google bills storage and throughput. */
    public static final double GIB = 1L << 30;
    public static final double TIB = 1L << 40;

    /**
     * One class of traces.
     *
     * @param share    the class's share of all traces, in [0, 1]
     * @param keepRate the fraction of the class the collector keeps
     */
    public record TraceClassShare(double share, double keepRate) {
    }

    /** The stack's assumed traffic: {@code cost.spansPerSecond} over a month of {@code hoursPerMonth}. */
    public static Traffic assumed(StackConfig config, double hoursPerMonth) {
        Map<String, TraceClassShare> classes = classes(config);
        double keptShare = keptShare(classes);
        double received = config.cost().spansPerSecond() * hoursPerMonth * 3600;
        return new Traffic(received, keptShare, received * keptShare, config.cost().avgSpanBytes(), classes, false);
    }

    /**
     * A measured month: the spans that reached BigQuery (the monthly_volume view's {@code spans}), which are
     * the kept spans; the received spans are derived from the keep share.
     */
    public static Traffic measured(StackConfig config, double keptSpansPerMonth) {
        Map<String, TraceClassShare> classes = classes(config);
        double keptShare = keptShare(classes);
        double received = keptShare == 0 ? 0 : keptSpansPerMonth / keptShare;
        return new Traffic(received, keptShare, keptSpansPerMonth, config.cost().avgSpanBytes(), classes, true);
    }

    /**
     * Error and slow traces are taken as independent, so a trace is both with the product of the shares.
     * Every span of a trace shares its trace's fate, so span shares equal trace shares.
     */
    static Map<String, TraceClassShare> classes(StackConfig config) {
        CostSettings cost = config.cost();
        List<SamplingPolicy> policies = SamplingPolicies.of(config);
        double e = cost.errorTraceShare();
        double s = cost.slowTraceShare();
        Map<String, TraceClassShare> classes = new LinkedHashMap<>();
        classes.put("ordinary", new TraceClassShare((1 - e) * (1 - s), keepRate(config, policies, false, false)));
        classes.put("error", new TraceClassShare(e * (1 - s), keepRate(config, policies, true, false)));
        classes.put("slow", new TraceClassShare((1 - e) * s, keepRate(config, policies, false, true)));
        classes.put("slow and error", new TraceClassShare(e * s, keepRate(config, policies, true, true)));
        return classes;
    }

    /**
     * A class's keep rate over the stack's {@code cost.services}, whose traffic is taken as even, each trace
     * within one service: the services with rates of their own at theirs, every other at the stack's.
     */
    static double keepRate(StackConfig config, List<SamplingPolicy> policies, boolean error, boolean slow) {
        int services = config.cost().services();
        int own = config.services().size();
        double sum = (services - own) * SamplingPolicy.keepRate(policies, new TraceClass(error, slow));
        for (ServiceSettings service : config.services().services()) {
            sum += SamplingPolicy.keepRate(policies, new TraceClass(error, slow, Set.of(service.name())));
        }
        return sum / services;
    }

    static double keptShare(Map<String, TraceClassShare> classes) {
        return classes.values().stream().mapToDouble(c -> c.share() * c.keepRate()).sum();
    }

    /** Bytes a month every backend receives: kept spans times their size. */
    public double keptBytes() {
        return keptSpans * spanBytes;
    }

    /** Kept GiB a day, the unit of steady-state storage: a day's partition. */
    public double keptGiBPerDay(double daysPerMonth) {
        return keptBytes() / GIB / daysPerMonth;
    }
}
