package dev.tracestack.component.elasticsearch;

import com.pulumi.core.Output;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.gcp.serviceaccount.IAMMember;
import com.pulumi.gcp.serviceaccount.IAMMemberArgs;
import com.pulumi.gcp.storage.Bucket;
import com.pulumi.gcp.storage.BucketArgs;
import com.pulumi.gcp.storage.BucketIAMMember;
import com.pulumi.gcp.storage.BucketIAMMemberArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.tracestack.component.gcp.GcpRoles;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.elasticsearch.ClusterSpecRenderer;
import dev.tracestack.render.elasticsearch.SlmPolicyRenderer;

/**
 * Where prod's snapshots go: a multi- or dual-region GCS bucket, written by a Google service account the
 * Elasticsearch pods act as through Workload Identity (no key files). The bucket is protected and kept
 * when the stack is destroyed.
 *
 * @param bucket         the bucket
 * @param serviceAccount the Google service account of the Elasticsearch nodes
 */
record SnapshotStorage(Bucket bucket, Account serviceAccount) {

    static final String ACCOUNT_ID = "jaeger-es-snapshots";

    static SnapshotStorage create(StackConfig config, CustomResourceOptions options, CustomResourceOptions stateful) {
        var bucket = new Bucket("jaeger-es-snapshots", BucketArgs.builder()
                .name(SlmPolicyRenderer.bucketName(config))
                .location(config.elasticsearch().snapshots().bucketLocation())
                .storageClass("STANDARD")
                .uniformBucketLevelAccess(true)
                .publicAccessPrevention("enforced")
                .forceDestroy(false)
                .build(), stateful);
        var account = new Account("jaeger-es-snapshots", AccountArgs.builder()
                .accountId(ACCOUNT_ID)
                .displayName("Elasticsearch snapshots of Jaeger (" + config.environment().id() + ")")
                .build(), options);
        new IAMMember("jaeger-es-workload-identity", IAMMemberArgs.builder()
                .serviceAccountId(account.name())
                .role(GcpRoles.WORKLOAD_IDENTITY_USER)
                .member(GcpRoles.workloadIdentity(config.gcp().project(), config.kubernetes().namespace(),
                        ClusterSpecRenderer.SERVICE_ACCOUNT))
                .build(), options);
        new BucketIAMMember("jaeger-es-snapshots-writer", BucketIAMMemberArgs.builder()
                .bucket(bucket.name())
                .role(GcpRoles.STORAGE_OBJECT_ADMIN)
                .member(GcpRoles.serviceAccount(account.email()))
                .build(), options);
        return new SnapshotStorage(bucket, account);
    }

    Output<String> email() {
        return serviceAccount.email();
    }
}
