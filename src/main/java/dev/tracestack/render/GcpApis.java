package dev.tracestack.render;

import dev.tracestack.config.StackConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The Google Cloud APIs a stack's parts call, each switched on only when a part that needs it is on.
 * The GKE API is not listed: the cluster the stack deploys into exists before the stack does.
 */
public final class GcpApis {

    /** Project IAM bindings and the project-number lookup go through Resource Manager. */
    public static final String RESOURCE_MANAGER = "cloudresourcemanager.googleapis.com";
    /** Creating the collector's service account. */
    public static final String IAM = "iam.googleapis.com";
    /** Workload Identity: the GKE metadata server exchanges the pod's token for the service account's. */
    public static final String IAM_CREDENTIALS = "iamcredentials.googleapis.com";
    /** The collector's googlecloud exporter writes span metrics and self-telemetry; alerts read them. */
    public static final String MONITORING = "monitoring.googleapis.com";
    /** The collector's googlecloud exporter writes spans (exporters.cloudTrace). */
    public static final String CLOUD_TRACE = "cloudtrace.googleapis.com";
    /** The traces topic and its subscriptions (exporters.bigQuery). */
    public static final String PUBSUB = "pubsub.googleapis.com";
    /** The trace dataset, its table and views (exporters.bigQuery). */
    public static final String BIGQUERY = "bigquery.googleapis.com";
    /** The scheduled cross-region copy (crossRegionBackup). */
    public static final String BIGQUERY_DATA_TRANSFER = "bigquerydatatransfer.googleapis.com";

    /** The environment's budget on its billing account (cost.billingAccount). */
    public static final String BILLING_BUDGETS = "billingbudgets.googleapis.com";

    private GcpApis() {
    }

    public static List<String> required(StackConfig config) {
        List<String> apis = new ArrayList<>(List.of(RESOURCE_MANAGER, IAM, IAM_CREDENTIALS, MONITORING));
        if (config.exporters().cloudTrace()) {
            apis.add(CLOUD_TRACE);
        }
        if (config.exporters().bigQuery()) {
            apis.add(PUBSUB);
            apis.add(BIGQUERY);
            if (config.crossRegionBackup()) {
                apis.add(BIGQUERY_DATA_TRANSFER);
            }
        }
        if (config.cost().billingAccount().isPresent()) {
            apis.add(BILLING_BUDGETS);
        }
        return List.copyOf(apis);
    }

    /** The short name used in logical resource names: {@code cloudtrace} for {@code cloudtrace.googleapis.com}. */
    public static String shortName(String api) {
        return api.substring(0, api.indexOf('.'));
    }
}
