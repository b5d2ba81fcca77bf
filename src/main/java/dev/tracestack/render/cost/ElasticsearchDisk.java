package dev.tracestack.render.cost;

import static dev.tracestack.config.ConfigKeys.ELASTICSEARCH;

import dev.tracestack.config.ConfigProblem;
import dev.tracestack.config.ElasticsearchSettings;
import dev.tracestack.config.Platform;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.elasticsearch.JaegerIndices;
import java.util.List;
import java.util.Locale;

/**
 * Whether Elasticsearch's data volumes hold what the stack's assumed traffic puts on them: a day's kept spans
 * × the days an index lives (the retention, plus up to a rollover's age before the delete phase counts) ×
 * the shard copies, below the low disk watermark, past which Elasticsearch allocates no more shards to a node.
 *
 * @param gibPerDay      kept spans a day at {@code cost.spansPerSecond}, in GiB
 * @param daysOnDisk     the Elasticsearch retention plus the rollover's maximum age
 * @param copies         the primary and its replicas
 * @param neededGiB      what the indices hold at steady state
 * @param provisionedGiB nodes × volume size
 */
public record ElasticsearchDisk(double gibPerDay, int daysOnDisk, int copies, double neededGiB,
                                double provisionedGiB) {

    /**
     * Elasticsearch's default {@code cluster.routing.allocation.disk.watermark.low}
     * (https://www.elastic.co/guide/en/elasticsearch/reference/8.19/modules-cluster.html#disk-based-shard-allocation).
     */
    public static final double LOW_WATERMARK = 0.85;

    public static ElasticsearchDisk of(StackConfig config) {
        ElasticsearchSettings es = config.elasticsearch();
        double gibPerDay = Traffic.assumed(config, 24).keptBytes() / Traffic.GIB;
        int days = config.elasticsearchRetentionDays() + es.rollover().maxAgeDays();
        int copies = 1 + JaegerIndices.replicas(config);
        return new ElasticsearchDisk(gibPerDay, days, copies, gibPerDay * days * copies,
                (double) es.nodes() * es.volumeSizeGi());
    }

    public double usableGiB() {
        return provisionedGiB * LOW_WATERMARK;
    }

    public double usedShare() {
        return neededGiB / provisionedGiB;
    }

    public boolean fits() {
        return neededGiB <= usableGiB();
    }

    /** The smallest volume per node that holds the indices below the watermark. */
    public int minimumVolumeGi(int nodes) {
        return (int) Math.ceil(neededGiB / LOW_WATERMARK / nodes);
    }

    /** The rule's problem where Jaeger runs on Kubernetes and its disks cannot hold the indices. */
    public static List<ConfigProblem> problems(StackConfig config) {
        if (config.platform() != Platform.KUBERNETES || !config.jaeger().enabled()) {
            return List.of();
        }
        ElasticsearchDisk disk = of(config);
        if (disk.fits()) {
            return List.of();
        }
        ElasticsearchSettings es = config.elasticsearch();
        return List.of(new ConfigProblem(config.file(), ELASTICSEARCH + ".volumeSizeGi",
                String.valueOf(es.volumeSizeGi()), String.format(Locale.ROOT, "must hold %d days on disk "
                                + "(retention %d + rollover %d) × %.2f GiB a day (at tracestack:cost.spansPerSecond "
                                + "%s) × %d copies = %.1f GiB below Elasticsearch's %.0f%% low disk watermark, but "
                                + "%d nodes × %d GiB × %.2f = %.1f GiB (%.0f%% full); set it to at least %d, or "
                                + "shorten %s.retentionDays",
                        disk.daysOnDisk(), config.elasticsearchRetentionDays(), es.rollover().maxAgeDays(),
                        disk.gibPerDay(), LineItem.plain(config.cost().spansPerSecond()), disk.copies(),
                        disk.neededGiB(), LOW_WATERMARK * 100, es.nodes(), es.volumeSizeGi(), LOW_WATERMARK,
                        disk.usableGiB(), disk.usedShare() * 100, disk.minimumVolumeGi(es.nodes()), ELASTICSEARCH)));
    }
}
