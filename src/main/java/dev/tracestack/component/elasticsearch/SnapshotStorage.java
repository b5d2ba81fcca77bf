package dev.tracestack.component.elasticsearch;

import com.pulumi.core.Output;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.gcp.serviceaccount.IAMMemberArgs;
import com.pulumi.gcp.storage.BucketArgs;
import com.pulumi.gcp.storage.BucketIAMMemberArgs;
import com.pulumi.gcp.storage.inputs.BucketLifecycleRuleActionArgs;
import com.pulumi.gcp.storage.inputs.BucketLifecycleRuleArgs;
import com.pulumi.gcp.storage.inputs.BucketLifecycleRuleConditionArgs;
import com.pulumi.gcp.storage.inputs.BucketVersioningArgs;
import dev.tracestack.component.gcp.GcpRoles;
import dev.tracestack.render.elasticsearch.RenderedElasticsearch.SnapshotBucket;

/**
 * Pure builders of where prod's snapshots go: a multi- or dual-region GCS bucket, written by a Google service
 * account the Elasticsearch pods act as through Workload Identity (no key files). The component protects the
 * bucket and keeps it when the stack is destroyed.
 */
final class SnapshotStorage {

    static final String ACCOUNT_ID = "jaeger-es-snapshots";
    /** How long a deleted or overwritten snapshot file can be restored. */
    static final int DELETED_KEPT_DAYS = 30;

    private SnapshotStorage() {
    }

    /**
     * A deleted snapshot file stays recoverable for {@link #DELETED_KEPT_DAYS} days: versioning keeps it as a
     * noncurrent version and a lifecycle rule removes it after that. (Soft delete would do the same without
     * versioning, but the pinned provider, gcp 7.0.0, cannot set its duration; its 7-day default applies on top.)
     * No retention policy or lock: SLM must be able to delete expired snapshots (docs/security.md).
     */
    static BucketArgs bucket(SnapshotBucket snapshots) {
        return BucketArgs.builder()
                .name(snapshots.name())
                .location(snapshots.location())
                .storageClass("STANDARD")
                .uniformBucketLevelAccess(true)
                .publicAccessPrevention("enforced")
                .forceDestroy(false)
                .versioning(BucketVersioningArgs.builder().enabled(true).build())
                .lifecycleRules(BucketLifecycleRuleArgs.builder()
                        .action(BucketLifecycleRuleActionArgs.builder().type("Delete").build())
                        .condition(BucketLifecycleRuleConditionArgs.builder()
                                .daysSinceNoncurrentTime(DELETED_KEPT_DAYS).withState("ARCHIVED").build())
                        .build())
                .build();
    }

    static AccountArgs account(String environment) {
        return AccountArgs.builder()
                .accountId(ACCOUNT_ID)
                .displayName("Elasticsearch snapshots of Jaeger (" + environment + ")")
                .build();
    }

    /** The nodes' Kubernetes ServiceAccount acts as the account. */
    static IAMMemberArgs workloadIdentity(SnapshotBucket snapshots, Output<String> account) {
        return IAMMemberArgs.builder()
                .serviceAccountId(account)
                .role(GcpRoles.WORKLOAD_IDENTITY_USER)
                .member(snapshots.nodesMember())
                .build();
    }

    /** The account writes snapshots and deletes expired ones, in this bucket only. */
    static BucketIAMMemberArgs writer(Output<String> bucket, Output<String> accountEmail) {
        return BucketIAMMemberArgs.builder()
                .bucket(bucket)
                .role(GcpRoles.STORAGE_OBJECT_ADMIN)
                .member(GcpRoles.member(accountEmail))
                .build();
    }
}
