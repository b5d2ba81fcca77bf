package dev.tracestack.component.gcp;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

/**
 * A {@code gcp:bigquery/table:Table} with DAY partitions that expire. The provider SDK (gcp 7.0.0) types
 * {@code timePartitioning.expirationMs} as a Java {@code Integer}, but the API field is an int64 and 90
 * days (7,776,000,000 ms) does not fit; its typed {@code Table} would also fail reading that value back.
 * This class registers the same resource type with the same input names, the expiration as a number the
 * engine carries exactly (a double holds every whole millisecond count below 2^53), and reads no outputs.
 */
public final class PartitionedTable extends CustomResource {

    public static final String TYPE = "gcp:bigquery/table:Table";

    public PartitionedTable(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, options);
    }

    /** The inputs this stack sets, under the provider's input names. */
    public static final class Args extends ResourceArgs {
        @Import(name = "project")
        private final Output<String> project;
        @Import(name = "datasetId", required = true)
        private final Output<String> datasetId;
        @Import(name = "tableId", required = true)
        private final Output<String> tableId;
        @Import(name = "description")
        private final Output<String> description;
        @Import(name = "schema")
        private final Output<String> schema;
        @Import(name = "timePartitioning")
        private final Partitioning timePartitioning;
        @Import(name = "deletionProtection")
        private final Output<Boolean> deletionProtection;

        /**
         * @param project            the project of the dataset
         * @param datasetId          the dataset, as an output so the table waits for it
         * @param tableId            the table id
         * @param description        what the table holds
         * @param schema             the schema as the BigQuery API's JSON field list
         * @param partitionField     the TIMESTAMP column the DAY partitions are cut on
         * @param expirationMs       how long a partition lives
         * @param deletionProtection whether the provider refuses to delete the table
         */
        public Args(String project, Output<String> datasetId, String tableId, String description, String schema,
                    String partitionField, long expirationMs, boolean deletionProtection) {
            this.project = Output.of(project);
            this.datasetId = datasetId;
            this.tableId = Output.of(tableId);
            this.description = Output.of(description);
            this.schema = Output.of(schema);
            this.timePartitioning = new Partitioning(partitionField, expirationMs);
            this.deletionProtection = Output.of(deletionProtection);
        }
    }

    /** {@code timePartitioning}: DAY partitions on a column, expiring, with a partition filter required. */
    static final class Partitioning extends ResourceArgs {
        @Import(name = "type", required = true)
        private final Output<String> type = Output.of("DAY");
        @Import(name = "field")
        private final Output<String> field;
        @Import(name = "expirationMs")
        private final Output<Double> expirationMs;
        @Import(name = "requirePartitionFilter")
        private final Output<Boolean> requirePartitionFilter = Output.of(true);

        Partitioning(String field, long expirationMs) {
            this.field = Output.of(field);
            this.expirationMs = Output.of((double) expirationMs);
        }
    }
}
