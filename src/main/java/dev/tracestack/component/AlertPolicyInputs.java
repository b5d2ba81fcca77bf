package dev.tracestack.component;

import com.pulumi.core.Output;
import com.pulumi.gcp.monitoring.AlertPolicyArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyAlertStrategyArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionConditionAbsentAggregationArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionConditionAbsentArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionConditionAbsentTriggerArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionConditionThresholdAggregationArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionConditionThresholdArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionConditionThresholdDenominatorAggregationArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionConditionThresholdTriggerArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyDocumentationArgs;
import dev.tracestack.render.monitoring.AlertPolicyModel;
import dev.tracestack.render.monitoring.AlertPolicyModel.Aggregation;
import dev.tracestack.render.monitoring.AlertPolicyModel.Condition;
import java.util.List;

/**
 * Maps a rendered {@link AlertPolicyModel.AlertPolicy} onto the provider's typed inputs, field for field.
 * {@code severity} has no input in {@code com.pulumi:gcp} 7.0.0; the policy carries it as a user label.
 */
final class AlertPolicyInputs {

    private AlertPolicyInputs() {
    }

    static AlertPolicyArgs of(AlertPolicyModel.AlertPolicy policy, Output<List<String>> channels) {
        return AlertPolicyArgs.builder()
                .displayName(policy.displayName())
                .documentation(AlertPolicyDocumentationArgs.builder()
                        .content(policy.documentation().content())
                        .mimeType(policy.documentation().mimeType())
                        .build())
                .userLabels(policy.userLabels())
                .combiner(policy.combiner())
                .conditions(policy.conditions().stream().map(AlertPolicyInputs::condition).toList())
                .alertStrategy(AlertPolicyAlertStrategyArgs.builder()
                        .autoClose(policy.alertStrategy().autoClose())
                        .build())
                .notificationChannels(channels)
                .build();
    }

    private static AlertPolicyConditionArgs condition(Condition condition) {
        var args = AlertPolicyConditionArgs.builder().displayName(condition.displayName());
        var threshold = condition.conditionThreshold();
        if (threshold != null) {
            args.conditionThreshold(AlertPolicyConditionConditionThresholdArgs.builder()
                    .filter(threshold.filter())
                    .aggregations(threshold.aggregations().stream().map(a ->
                            AlertPolicyConditionConditionThresholdAggregationArgs.builder()
                                    .alignmentPeriod(a.alignmentPeriod()).perSeriesAligner(a.perSeriesAligner())
                                    .crossSeriesReducer(a.crossSeriesReducer()).groupByFields(a.groupByFields())
                                    .build()).toList())
                    .denominatorFilter(Output.ofNullable(threshold.denominatorFilter()))
                    .denominatorAggregations(threshold.denominatorAggregations().stream().map(a ->
                            AlertPolicyConditionConditionThresholdDenominatorAggregationArgs.builder()
                                    .alignmentPeriod(a.alignmentPeriod()).perSeriesAligner(a.perSeriesAligner())
                                    .crossSeriesReducer(a.crossSeriesReducer()).groupByFields(a.groupByFields())
                                    .build()).toList())
                    .comparison(threshold.comparison())
                    .thresholdValue(threshold.thresholdValue())
                    .duration(threshold.duration())
                    .trigger(AlertPolicyConditionConditionThresholdTriggerArgs.builder()
                            .count(threshold.trigger().count()).build())
                    .evaluationMissingData(Output.ofNullable(threshold.evaluationMissingData()))
                    .build());
        }
        var absent = condition.conditionAbsent();
        if (absent != null) {
            args.conditionAbsent(AlertPolicyConditionConditionAbsentArgs.builder()
                    .filter(absent.filter())
                    .aggregations(absent.aggregations().stream().map(AlertPolicyInputs::absentAggregation).toList())
                    .duration(absent.duration())
                    .trigger(AlertPolicyConditionConditionAbsentTriggerArgs.builder()
                            .count(absent.trigger().count()).build())
                    .build());
        }
        return args.build();
    }

    private static AlertPolicyConditionConditionAbsentAggregationArgs absentAggregation(Aggregation a) {
        return AlertPolicyConditionConditionAbsentAggregationArgs.builder()
                .alignmentPeriod(a.alignmentPeriod()).perSeriesAligner(a.perSeriesAligner())
                .crossSeriesReducer(a.crossSeriesReducer()).groupByFields(a.groupByFields())
                .build();
    }
}
