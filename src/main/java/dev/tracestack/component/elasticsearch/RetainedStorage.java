package dev.tracestack.component.elasticsearch;

import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.storage.v1.StorageClassArgs;
import dev.tracestack.render.elasticsearch.DataVolumes;
import dev.tracestack.render.elasticsearch.RenderedElasticsearch;
import java.util.Map;

/**
 * The pure builder of the StorageClass the Elasticsearch data volumes use in stage and prod: the configured
 * GKE Persistent Disk type, with reclaim policy Retain, so a deleted claim (or cluster, or namespace) leaves
 * its disk for an operator to re-bind or delete on purpose.
 */
final class RetainedStorage {

    private RetainedStorage() {
    }

    /** @param diskType the Persistent Disk type of the configured class, e.g. {@code pd-balanced} */
    static StorageClassArgs storageClass(RenderedElasticsearch es, String diskType) {
        return StorageClassArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(DataVolumes.RETAIN_CLASS).labels(es.labels("storage")).build())
                .provisioner(DataVolumes.PROVISIONER)
                .parameters(Map.of("type", diskType))
                .reclaimPolicy("Retain")
                // Bind where the pod lands, so zone spread decides the disk's zone and not the other way round.
                .volumeBindingMode("WaitForFirstConsumer")
                .allowVolumeExpansion(true)
                .build();
    }
}
