package dev.tracestack.component.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.pubsub.SubscriptionArgs;
import com.pulumi.gcp.pubsub.SubscriptionIAMMemberArgs;
import com.pulumi.gcp.pubsub.TopicArgs;
import com.pulumi.gcp.pubsub.TopicIAMMemberArgs;
import com.pulumi.gcp.pubsub.inputs.SubscriptionBigqueryConfigArgs;
import com.pulumi.gcp.pubsub.inputs.SubscriptionDeadLetterPolicyArgs;
import com.pulumi.gcp.pubsub.inputs.SubscriptionExpirationPolicyArgs;
import com.pulumi.gcp.pubsub.inputs.SubscriptionRetryPolicyArgs;
import dev.tracestack.render.Names;
import dev.tracestack.render.bigquery.TraceSinkSpec;

/**
 * Pure builders of the Pub/Sub side of the trace sinks: topics, subscriptions and their IAM bindings. Topics
 * are referred to by their registered names, so what refers to one waits for it.
 */
final class TraceTopics {

    /** An empty TTL: the subscription never expires, however long it stays idle (dead letters are rare). */
    private static final String NEVER = "";
    private static final String MIN_BACKOFF = "10s";
    private static final String MAX_BACKOFF = "600s";

    private TraceTopics() {
    }

    static TopicArgs topic(String topicName, TraceSinkSpec spec) {
        return TopicArgs.builder()
                .project(spec.project())
                .name(topicName)
                .messageRetentionDuration(TraceSinkSpec.seconds(spec.topicRetentionSeconds()))
                .build();
    }

    /** Keeps dead letters readable (and replayable) after BigQuery rejected them. */
    static SubscriptionArgs deadLetterPull(Output<String> deadLetterTopic, TraceSinkSpec spec) {
        return SubscriptionArgs.builder()
                .project(spec.project())
                .name(spec.deadLetterSubscription())
                .topic(deadLetterTopic)
                .messageRetentionDuration(TraceSinkSpec.seconds(spec.subscriptionRetentionSeconds()))
                .expirationPolicy(SubscriptionExpirationPolicyArgs.builder().ttl(NEVER).build())
                .build();
    }

    /** Writes every message into the raw table, with Pub/Sub's metadata columns. */
    static SubscriptionArgs bigQuery(Output<String> topic, Output<String> deadLetterTopic, TraceSinkSpec spec) {
        return SubscriptionArgs.builder()
                .project(spec.project())
                .name(spec.subscription())
                .topic(topic)
                .bigqueryConfig(SubscriptionBigqueryConfigArgs.builder()
                        .table(spec.rawTableReference())
                        .writeMetadata(true)
                        .useTopicSchema(false)
                        .dropUnknownFields(false)
                        .build())
                .deadLetterPolicy(SubscriptionDeadLetterPolicyArgs.builder()
                        .deadLetterTopic(deadLetterTopic.applyValue(name -> Names.topicPath(spec.project(), name)))
                        .maxDeliveryAttempts(spec.maxDeliveryAttempts())
                        .build())
                .retryPolicy(SubscriptionRetryPolicyArgs.builder()
                        .minimumBackoff(MIN_BACKOFF)
                        .maximumBackoff(MAX_BACKOFF)
                        .build())
                .messageRetentionDuration(TraceSinkSpec.seconds(spec.subscriptionRetentionSeconds()))
                .expirationPolicy(SubscriptionExpirationPolicyArgs.builder().ttl(NEVER).build())
                .build();
    }

    static TopicIAMMemberArgs topicRole(Output<String> topic, String role, Output<String> member, TraceSinkSpec spec) {
        return TopicIAMMemberArgs.builder()
                .project(spec.project())
                .topic(topic)
                .role(role)
                .member(member)
                .build();
    }

    static SubscriptionIAMMemberArgs subscriptionRole(Output<String> subscription, String role, Output<String> member,
                                                      TraceSinkSpec spec) {
        return SubscriptionIAMMemberArgs.builder()
                .project(spec.project())
                .subscription(subscription)
                .role(role)
                .member(member)
                .build();
    }
}
