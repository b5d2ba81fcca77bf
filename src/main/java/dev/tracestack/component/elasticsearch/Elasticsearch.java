package dev.tracestack.component.elasticsearch;

import com.pulumi.core.Output;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.IAMMember;
import com.pulumi.gcp.storage.Bucket;
import com.pulumi.gcp.storage.BucketIAMMember;
import com.pulumi.kubernetes.batch.v1.Job;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.storage.v1.StorageClass;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.tracestack.component.RandomPassword;
import dev.tracestack.component.Renamed;
import dev.tracestack.render.Names;
import dev.tracestack.render.elasticsearch.ClusterSpecRenderer;
import dev.tracestack.render.elasticsearch.ElasticsearchUsers;
import dev.tracestack.render.elasticsearch.RenderedElasticsearch;
import dev.tracestack.wire.WellKnownNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jaeger's Elasticsearch: the ECK operator (unless the cluster has one), the ECK {@code Elasticsearch}
 * resource, the Job that installs the ILM policy and the rollover aliases, and in prod the snapshot bucket
 * with its Workload Identity. The cluster and the bucket are protected outside dev. Children are
 * {@code <name>-<role>}; those registered under a fixed {@code jaeger-es*} name before carry it as an alias.
 */
public final class Elasticsearch extends ComponentResource {

    public static final String TYPE = "tracestack:elasticsearch:Elasticsearch";
    public static final String ECK_API_VERSION = "elasticsearch.k8s.elastic.co/v1";
    public static final String OPERATOR_NAMESPACE = "elastic-system";

    public final KubernetesCustomResource cluster;
    /**
     * The Job that creates Jaeger's indices and write aliases; the provider waits for it to complete.
     * Jaeger must not write before it has: a span written first makes Elasticsearch create a plain index
     * under the alias's name, and the init then fails on every retry.
     */
    public final Job indicesReady;
    /** The HTTPS URL Jaeger and the jobs use. */
    public final Output<String> url;
    /**
     * A short hash of each client user's password, by the user's key ({@code writer}, ...): on the pod templates of the clients that read
     * the password once at start, so that a new password rolls them.
     */
    public final Map<String, Output<String>> passwordHashes;

    /** @param storage the rendered cluster spec, init Job and snapshot bucket */
    public record Args(RenderedElasticsearch storage) {
    }

    public Elasticsearch(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        RenderedElasticsearch es = args.storage();
        String namespace = es.namespace();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        CustomResourceOptions stateful = CustomResourceOptions.builder().parent(this).protect(es.stateful())
                .retainOnDelete(es.stateful()).build();

        List<Resource> before = new ArrayList<>();
        // The chart installs ECK's CRDs: uninstalling it would delete every Elasticsearch resource with them.
        es.operatorVersion().ifPresent(version -> before.add(new Release(Names.child(name, "operator"),
                EckOperator.release(es, version), Renamed.from("eck-operator", stateful))));
        Map<String, Output<String>> hashes = new LinkedHashMap<>();
        for (ElasticsearchUsers.User user : es.users().all()) {
            var password = new RandomPassword(Names.child(name, user.key() + "-password"),
                    new RandomPassword.Args(ElasticsearchCredentials.PASSWORD_LENGTH), child);
            before.add(new Secret(Names.child(name, user.key() + "-credentials"),
                    ElasticsearchCredentials.user(es, user, password.result()), child));
            hashes.put(user.key(), password.hash());
        }
        this.passwordHashes = Map.copyOf(hashes);
        es.volumes().retained().ifPresent(diskType -> before.add(new StorageClass(
                Names.child(name, "retained-storage"), RetainedStorage.storageClass(es, diskType), stateful)));
        before.add(new Secret(Names.child(name, "roles"), ElasticsearchCredentials.roles(es), child));
        Optional<Output<String>> snapshotAccount = es.snapshots().map(bucket -> snapshots(name, es, child, stateful));
        Map<String, String> labels = es.labels("storage");
        ObjectMetaArgs.Builder accountMeta = ObjectMetaArgs.builder().name(ClusterSpecRenderer.SERVICE_ACCOUNT)
                .namespace(namespace).labels(labels);
        snapshotAccount.ifPresent(email -> accountMeta.annotations(email.applyValue(e ->
                Map.of(Names.WORKLOAD_IDENTITY_ANNOTATION, e))));
        before.add(new ServiceAccount(Names.child(name, "service-account"), ServiceAccountArgs.builder()
                .metadata(accountMeta.build()).automountServiceAccountToken(false).build(),
                Renamed.from("jaeger-es", child)));

        this.cluster = new KubernetesCustomResource(Names.child(name, "cluster"), new KubernetesCustomResource.Args(
                ECK_API_VERSION, "Elasticsearch",
                ObjectMetaArgs.builder().name(WellKnownNames.ELASTICSEARCH_CLUSTER).namespace(namespace).labels(labels)
                        .annotations(es.clusterAnnotations()).build(),
                es.clusterSpec()),
                Renamed.from("jaeger-es", CustomResourceOptions.builder().parent(this)
                        .protect(es.stateful()).retainOnDelete(es.stateful()).dependsOn(before).build()));

        CustomResourceOptions afterCluster = CustomResourceOptions.builder().parent(this).dependsOn(cluster).build();
        var initFiles = new ConfigMap(Names.child(name, "ilm-init-config"), IlmInitJob.configMap(es),
                Renamed.from("jaeger-es-ilm-init-config", afterCluster));
        this.indicesReady = new Job(Names.child(name, "ilm-init"), IlmInitJob.job(es,
                initFiles.metadata().applyValue(m -> m.name().orElseThrow())),
                Renamed.from("jaeger-es-ilm-init", afterCluster));

        new NetworkPolicy(Names.child(name, "network-policy"), StorageNetworkPolicies.nodes(es),
                Renamed.from("jaeger-es-ingress", child));
        new NetworkPolicy(Names.child(name, "ilm-init-network-policy"), StorageNetworkPolicies.initJob(es), child);

        this.url = Output.of(es.ilmInit().url());
        registerOutputs(Map.of("url", url, "cluster", Output.of(WellKnownNames.ELASTICSEARCH_CLUSTER)));
    }

    /** The snapshot bucket (protected) and the account the nodes write it as; returns the account's email. */
    private Output<String> snapshots(String name, RenderedElasticsearch es, CustomResourceOptions child,
                                     CustomResourceOptions stateful) {
        RenderedElasticsearch.SnapshotBucket snapshots = es.snapshots().orElseThrow();
        var bucket = new Bucket(Names.child(name, "snapshot-bucket"), SnapshotStorage.bucket(snapshots),
                Renamed.from("jaeger-es-snapshots", stateful));
        var account = new Account(Names.child(name, "snapshot-account"), SnapshotStorage.account(es.environment()),
                Renamed.from("jaeger-es-snapshots", child));
        new IAMMember(Names.child(name, "snapshot-workload-identity"),
                SnapshotStorage.workloadIdentity(snapshots, account.name()),
                Renamed.from("jaeger-es-workload-identity", child));
        new BucketIAMMember(Names.child(name, "snapshot-writer"), SnapshotStorage.writer(bucket.name(),
                account.email()), Renamed.from("jaeger-es-snapshots-writer", child));
        return account.email();
    }
}
