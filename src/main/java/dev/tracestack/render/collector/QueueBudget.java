package dev.tracestack.render.collector;

import dev.tracestack.config.CollectorSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The size of each exporter queue a tier holds in memory, so that all of them full together stay under half the
 * container's memory limit: the other half is the collector's own footprint, the batch processor, and on a
 * sampler the traces of the decision wait. Each exporter instance has a queue of its own (one per signal it
 * exports: {@code googlecloud} on a traces and a metrics pipeline has two), and each gets an equal share,
 * counted in items (spans or metric points) at the heap one queued item takes, measured on the real collector.
 * A queue on a volume ({@code storage}) holds its items on disk; in memory it has only the batches its consumers
 * send ({@link #inFlightItems}). Those queues count bytes and share part of the pod's volume the same way
 * ({@link #bytesPerVolumeQueue}).
 */
public final class QueueBudget {

    /**
     * Heap per queued item the budget assumes. Measured on the collector 0.158 (QueueMemoryIT, the stage sampler's
     * queue to Jaeger filled with the rehearsal's traffic): about 400 bytes a span, for spans of about 460 bytes of
     * OTLP JSON. The cost model assumes spans of 600 to 900 bytes; 2048 leaves room for spans of over 2 KB.
     * Metric points take less.
     */
    public static final int HEAP_BYTES_PER_QUEUED_ITEM = 2048;
    /** All in-memory queues together, full, take at most this share of the container's memory limit. */
    public static final int SHARE_PERCENT = 50;
    /**
     * All queues on a volume together, full, take at most this share of it, counted in the bytes of the requests
     * they hold. The store takes more than that (bbolt's pages and free lists), and {@code compaction.on_start}
     * writes a compacted copy next to it on the same volume before it replaces the old one: measured on the real
     * collector (QueueDiskIT, prod's queue to Jaeger filled to 65.3 MB), the store took 1.29 times the queued
     * bytes and, during the compaction, 2.58 times. 35% leaves the volume 10% over 2.58 times the queued bytes.
     */
    public static final int VOLUME_SHARE_PERCENT = 35;
    /** Consumers draining each queue; each sends one request (or batch) at a time. */
    static final int NUM_CONSUMERS = 10;

    private QueueBudget() {
    }

    /**
     * Sets {@code queue_size} on every queue of a tier's exporters: in items on the in-memory ones, in bytes on
     * the ones on a volume.
     */
    static void apply(Map<String, Object> exporters, Map<String, CollectorConfig.Pipeline> pipelines, CollectorSettings s) {
        int inMemory = inMemoryQueues(exporters, pipelines);
        int onVolume = volumeQueues(exporters, pipelines);
        exporters.values().forEach(body -> queueOf(body).ifPresent(q -> q.put("queue_size",
                q.containsKey("storage") ? bytesPerVolumeQueue(s, onVolume) : itemsPerQueue(s, inMemory))));
    }

    /** One queue's share of the pod's volume, in bytes of the requests it holds. */
    public static long bytesPerVolumeQueue(CollectorSettings s, int queues) {
        return (long) s.persistentQueue().sizeGiB() * (1L << 30) * VOLUME_SHARE_PERCENT / 100 / queues;
    }

    /** One queue's share of the budget, in items. */
    public static long itemsPerQueue(CollectorSettings s, int queues) {
        long budget = (long) s.resources().memoryLimitMiB() * 1024 * 1024 * SHARE_PERCENT / 100;
        return budget / HEAP_BYTES_PER_QUEUED_ITEM / queues;
    }

    /** The in-memory queues of a tier: one per (exporter, signal) whose exporter queues in memory. */
    public static int inMemoryQueues(Map<String, Object> exporters, Map<String, CollectorConfig.Pipeline> pipelines) {
        return queues(exporters, pipelines, false);
    }

    /** The queues on a tier's volume: one per (exporter, signal) whose exporter queues on it. */
    public static int volumeQueues(Map<String, Object> exporters, Map<String, CollectorConfig.Pipeline> pipelines) {
        return queues(exporters, pipelines, true);
    }

    private static int queues(Map<String, Object> exporters, Map<String, CollectorConfig.Pipeline> pipelines,
                              boolean onVolume) {
        List<String> instances = new ArrayList<>();
        pipelines.forEach((id, pipeline) -> pipeline.exporters().forEach(exporter -> {
            String instance = exporter + "@" + id.split("/")[0];
            boolean counted = queueOf(exporters.get(exporter)).map(q -> q.containsKey("storage") == onVolume)
                    .orElse(false);
            if (counted && !instances.contains(instance)) {
                instances.add(instance);
            }
        }));
        return instances.size();
    }

    /**
     * Items a queue on a volume holds in memory at most: a batch being filled and one being sent by each consumer.
     */
    public static long inFlightItems(int maxBatchItems) {
        return (long) (NUM_CONSUMERS + 1) * maxBatchItems;
    }

    @SuppressWarnings("unchecked")
    private static java.util.Optional<Map<String, Object>> queueOf(Object exporter) {
        if (!(exporter instanceof Map<?, ?> body) || !(body.get("sending_queue") instanceof Map<?, ?> queue)
                || !Boolean.TRUE.equals(queue.get("enabled"))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of((Map<String, Object>) queue);
    }
}
