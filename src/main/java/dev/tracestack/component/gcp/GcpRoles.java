package dev.tracestack.component.gcp;

import com.pulumi.core.Output;
import dev.tracestack.render.Names;

/**
 * Every IAM role the stack grants, in one place so the least-privilege test can hold the whole list
 * against what the plan registers. Each role is the narrowest predefined role for its job. The members they
 * go to are spelled by {@link Names}.
 */
public final class GcpRoles {

    /** The collector writes spans to Cloud Trace (project scope: Cloud Trace has no finer resource). */
    public static final String CLOUD_TRACE_AGENT = "roles/cloudtrace.agent";
    /** The collector writes span metrics and its own telemetry to Cloud Monitoring (project scope). */
    public static final String MONITORING_METRIC_WRITER = "roles/monitoring.metricWriter";
    /**
     * A Kubernetes ServiceAccount (the collector's; the Elasticsearch nodes' for snapshots) acts as its
     * Google service account (on that account only).
     */
    public static final String WORKLOAD_IDENTITY_USER = "roles/iam.workloadIdentityUser";
    /** Elasticsearch writes its snapshots and SLM deletes expired ones, in the snapshot bucket only. */
    public static final String STORAGE_OBJECT_ADMIN = "roles/storage.objectAdmin";
    /** Publishing to one topic (the collector on the traces topic; Pub/Sub on the dead-letter topic). */
    public static final String PUBSUB_PUBLISHER = "roles/pubsub.publisher";
    /** Pub/Sub acknowledges dead-lettered messages on the source subscription. */
    public static final String PUBSUB_SUBSCRIBER = "roles/pubsub.subscriber";
    /** Pub/Sub writes rows into the raw table (table scope); the backup writes into its dataset. */
    public static final String BIGQUERY_DATA_EDITOR = "roles/bigquery.dataEditor";
    /** The backup reads the trace dataset. */
    public static final String BIGQUERY_DATA_VIEWER = "roles/bigquery.dataViewer";
    /** The backup runs its copy as a BigQuery job in the project. */
    public static final String BIGQUERY_JOB_USER = "roles/bigquery.jobUser";
    /** The Data Transfer Service agent mints tokens for the backup's service account (on that account only). */
    public static final String SERVICE_ACCOUNT_TOKEN_CREATOR = "roles/iam.serviceAccountTokenCreator";

    private GcpRoles() {
    }

    /** The IAM member of a service account the stack creates, once its email is known. */
    public static Output<String> member(Output<String> email) {
        return email.applyValue(Names::serviceAccountMember);
    }
}
