package dev.tracestack.render.collector;

import dev.tracestack.config.CollectorSettings;
import dev.tracestack.config.StackConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How long a backend may be down before an exporter's queue on the volume is full and the tier starts refusing
 * spans: the guarantee of a persistent queue, as a duration. Each exporter has a queue of its own, so while one
 * backend is down its queue alone fills, with every span the pod exports; a span counts its OTLP/JSON size
 * ({@code tracestack:cost.avgSpanBytes}), above the protobuf bytes the queue's {@code sizer: bytes} counts, so the
 * figures err short.
 *
 * @param queueBytes             the {@code queue_size} of each exporter's queue on the volume
 * @param spanBytes              bytes a queued span takes
 * @param assumedSpansPerSecond  a pod's share of the traffic the cost model assumes, at the tier's minimum replicas
 * @param scaleOutSpansPerSecond what a pod takes at the autoscaler's CPU target, above which pods are added: the
 *                               most a pod is meant to carry, up to the maximum replicas
 */
public record QueueOutage(long queueBytes, int spanBytes, double assumedSpansPerSecond, double scaleOutSpansPerSecond) {

    /**
     * Spans a CPU-second of prod's gateway processes, measured by {@code ./tracestack bench} (CapacityBench, the
     * rendered prod gateway on the real collector; docs/collector.md, "Capacity").
     */
    public static final int GATEWAY_SPANS_PER_CPU_SECOND = 73_500;

    /** The guarantee of the tier whose exporters queue on a volume; none without one. */
    public static Optional<QueueOutage> of(StackConfig config) {
        CollectorSettings s = config.collector();
        return CollectorTier.of(config).stream().filter(CollectorTier::persistentQueue).findFirst().map(tier -> {
            CollectorConfig rendered = CollectorConfigRenderer.config(config, tier);
            long bytes = QueueBudget.bytesPerVolumeQueue(s,
                    QueueBudget.volumeQueues(rendered.exporters(), rendered.service().pipelines()));
            // A sampler on a volume queues only the traces it keeps: counting every span errs short again.
            double assumed = config.cost().spansPerSecond() / tier.replicas().minReplicas();
            double scaleOut = GATEWAY_SPANS_PER_CPU_SECOND * s.resources().cpuRequestMillis() / 1000.0
                    * CollectorTier.SCALE_OUT_CPU_PERCENT / 100;
            return new QueueOutage(bytes, config.cost().avgSpanBytes(), assumed, scaleOut);
        });
    }

    public Duration atAssumedTraffic() {
        return holds(assumedSpansPerSecond);
    }

    public Duration atScaleOut() {
        return holds(scaleOutSpansPerSecond);
    }

    private Duration holds(double spansPerSecond) {
        return Duration.ofSeconds((long) (queueBytes / (spansPerSecond * spanBytes)));
    }

    /** One line: the queue's size and the two outages it holds. */
    public String describe() {
        return String.format(Locale.ROOT, "each exporter's queue on the volume holds %.2f GiB: a backend outage of %s "
                        + "at the assumed %,.1f spans/s a pod, %s at the autoscaler's CPU target (%,.0f spans/s a pod)",
                queueBytes / (double) (1L << 30), readable(atAssumedTraffic()), assumedSpansPerSecond,
                readable(atScaleOut()), scaleOutSpansPerSecond);
    }

    static String readable(Duration d) {
        long seconds = d.toSeconds();
        if (seconds >= 2 * 86_400) {
            return String.format(Locale.ROOT, "%.1f days", seconds / 86_400.0);
        }
        if (seconds >= 2 * 3_600) {
            return String.format(Locale.ROOT, "%.1f hours", seconds / 3_600.0);
        }
        return String.format(Locale.ROOT, "%.1f minutes", seconds / 60.0);
    }
}
