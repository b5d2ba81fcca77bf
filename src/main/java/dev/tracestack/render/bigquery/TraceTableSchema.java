package dev.tracestack.render.bigquery;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tracestack.render.Artifacts;
import java.util.List;

/**
 * The columns of the raw table and of the span view. The raw table's are the ones a Pub/Sub BigQuery
 * subscription with {@code writeMetadata} fills: its metadata columns plus the message {@code data}.
 */
public final class TraceTableSchema {

    /** The raw table's day-partitioning column, which the span view passes through for partition filters. */
    public static final String PARTITION_COLUMN = "publish_time";

    /** The subscription writes every message attribute (and the ordering key) as one JSON object. */
    public static final List<Field> RAW = List.of(
            new Field("subscription_name", "STRING", "NULLABLE", "The Pub/Sub subscription that wrote the row"),
            new Field("message_id", "STRING", "NULLABLE", "The Pub/Sub message id; unique per message"),
            new Field(PARTITION_COLUMN, "TIMESTAMP", "NULLABLE",
                    "When Pub/Sub accepted the message; the day-partitioning column"),
            new Field("data", "JSON", "NULLABLE",
                    "The message: an OTLP/JSON ExportTraceServiceRequest published by the collector"),
            new Field("attributes", "JSON", "NULLABLE", "The message attributes and ordering key"));

    /** The span view's columns, in order: what every analysis view may read. */
    public static final List<Field> SPANS = List.of(
            new Field("trace_id", "STRING", "NULLABLE", "Hex trace id"),
            new Field("span_id", "STRING", "NULLABLE", "Hex span id"),
            new Field("parent_span_id", "STRING", "NULLABLE", "Hex parent span id; NULL for a root span"),
            new Field("service_name", "STRING", "NULLABLE", "The resource attribute service.name"),
            new Field("operation_name", "STRING", "NULLABLE", "The span name"),
            new Field("timestamp", "TIMESTAMP", "NULLABLE", "The span's start"),
            new Field("duration_ms", "FLOAT", "NULLABLE", "End minus start, in milliseconds"),
            new Field("status_code", "STRING", "NULLABLE", "UNSET, OK or ERROR"),
            new Field("error_message", "STRING", "NULLABLE", "The span status message"),
            new Field("environment", "STRING", "NULLABLE",
                    "The resource attribute deployment.environment(.name), else the stack's environment"),
            new Field("attributes", "STRING", "NULLABLE", "The span attributes as OTLP/JSON text"),
            new Field(PARTITION_COLUMN, "TIMESTAMP", "NULLABLE",
                    "The raw row's partition column; filter on it (the raw table requires a partition filter)"));

    private TraceTableSchema() {
    }

    /** The raw table's schema as the BigQuery API (and the provider's {@code schema} input) takes it. */
    public static String rawSchemaJson() {
        return Artifacts.json(RAW);
    }

    /**
     * One column.
     *
     * @param name        the column name
     * @param type        the BigQuery type
     * @param mode        NULLABLE, REQUIRED or REPEATED
     * @param description what the column holds
     */
    @JsonPropertyOrder({"name", "type", "mode", "description"})
    public record Field(String name, String type, String mode, String description) {
    }
}
