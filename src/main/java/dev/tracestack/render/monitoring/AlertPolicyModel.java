package dev.tracestack.render.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Cloud Monitoring {@code AlertPolicy} as typed values, field for field the API's JSON shape
 * (monitoring.googleapis.com/v3 projects.alertPolicies). Absent fields are left out of the JSON.
 */
public final class AlertPolicyModel {

    private AlertPolicyModel() {
    }

    /** One alert policy; {@code notificationChannels} are filled in by the component once channels exist. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record AlertPolicy(String displayName, Documentation documentation, Map<String, String> userLabels,
                              List<Condition> conditions, String combiner, AlertStrategy alertStrategy,
                              String severity, List<String> notificationChannels) {
    }

    /** What the notification tells the person on call. */
    public record Documentation(String content, String mimeType) {

        public static Documentation markdown(String content) {
            return new Documentation(content, "text/markdown");
        }
    }

    /** One condition: exactly one of the condition kinds is set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(String displayName, MetricThreshold conditionThreshold, MetricAbsence conditionAbsent) {

        public static Condition threshold(String displayName, MetricThreshold threshold) {
            return new Condition(displayName, threshold, null);
        }

        public static Condition absent(String displayName, MetricAbsence absence) {
            return new Condition(displayName, null, absence);
        }
    }

    /** A threshold on a (possibly ratio of two) aggregated time series. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record MetricThreshold(String filter, List<Aggregation> aggregations, String denominatorFilter,
                                  List<Aggregation> denominatorAggregations, String comparison,
                                  double thresholdValue, String duration, Trigger trigger,
                                  String evaluationMissingData) {

        /** Fires when any aggregated series stays above {@code value} for {@code duration}. */
        public static MetricThreshold above(String filter, Aggregation aggregation, double value, String duration) {
            return new MetricThreshold(filter, List.of(aggregation), null, List.of(), "COMPARISON_GT", value,
                    duration, new Trigger(1), null);
        }

        /** Fires when any aggregated series stays below {@code value} for {@code duration}, or reports nothing. */
        public static MetricThreshold belowOrMissing(String filter, Aggregation aggregation, double value,
                                                     String duration) {
            return new MetricThreshold(filter, List.of(aggregation), null, List.of(), "COMPARISON_LT", value,
                    duration, new Trigger(1), "EVALUATION_MISSING_DATA_ACTIVE");
        }

        /** This threshold applied to the ratio of this filter's series over the denominator's. */
        public MetricThreshold over(String denominator) {
            return new MetricThreshold(filter, aggregations, denominator, aggregations, comparison, thresholdValue,
                    duration, trigger, evaluationMissingData);
        }
    }

    /** Fires when a series stops reporting for {@code duration}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record MetricAbsence(String filter, List<Aggregation> aggregations, String duration, Trigger trigger) {
    }

    /** How points are aligned per series and reduced across series. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Aggregation(String alignmentPeriod, String perSeriesAligner, String crossSeriesReducer,
                              List<String> groupByFields) {
    }

    /** How many series must violate for the condition to fire. */
    public record Trigger(int count) {
    }

    /** Incidents close on their own when the data has been normal this long. */
    public record AlertStrategy(String autoClose) {
    }
}
