package dev.tracestack.render.elasticsearch;

import dev.tracestack.config.ElasticsearchSettings;
import dev.tracestack.config.StackConfig;
import java.util.Optional;

/**
 * Where the nodes keep their data. GKE's built-in classes delete a disk when its claim goes; in stage and
 * prod the stack creates a twin of the configured class whose reclaim policy is Retain, so neither a deleted
 * cluster nor a deleted claim deletes a disk. ECK cannot change the class of an existing node set's claims,
 * so the retained volumes belong to a node set of their own name: the first deployment onto them grows the
 * new nodes, moves the shards and removes the old ones (docs/security.md).
 *
 * @param nodeSet      the ECK node set's name
 * @param storageClass the class the claims name
 * @param retained     the disk type of the Retain class the stack creates; empty where the class is used as is
 */
public record DataVolumes(String nodeSet, String storageClass, Optional<String> retained) {

    /** The Retain twin of the configured class. */
    public static final String RETAIN_CLASS = "jaeger-es-retain";
    /** GKE's Persistent Disk CSI driver. */
    public static final String PROVISIONER = "pd.csi.storage.gke.io";

    public static DataVolumes of(StackConfig config) {
        ElasticsearchSettings es = config.elasticsearch();
        // The config rules guarantee a known disk type wherever state is kept on the cluster.
        return config.environment().keepsState() && es.diskType().isPresent()
                ? new DataVolumes("retained", RETAIN_CLASS, es.diskType())
                : new DataVolumes(ClusterSpecRenderer.NODE_SET, es.storageClass(), Optional.empty());
    }

    /** The StatefulSet ECK names for the node set. */
    public String statefulSet(String cluster) {
        return cluster + "-es-" + nodeSet;
    }
}
