package dev.tracestack.component.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.pubsub.Subscription;
import com.pulumi.gcp.pubsub.SubscriptionArgs;
import com.pulumi.gcp.pubsub.SubscriptionIAMMember;
import com.pulumi.gcp.pubsub.SubscriptionIAMMemberArgs;
import com.pulumi.gcp.pubsub.Topic;
import com.pulumi.gcp.pubsub.TopicArgs;
import com.pulumi.gcp.pubsub.TopicIAMMember;
import com.pulumi.gcp.pubsub.TopicIAMMemberArgs;
import com.pulumi.gcp.pubsub.inputs.SubscriptionBigqueryConfigArgs;
import com.pulumi.gcp.pubsub.inputs.SubscriptionDeadLetterPolicyArgs;
import com.pulumi.gcp.pubsub.inputs.SubscriptionExpirationPolicyArgs;
import com.pulumi.gcp.pubsub.inputs.SubscriptionRetryPolicyArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.tracestack.render.Names;
import dev.tracestack.render.bigquery.TraceSinkSpec;
import java.util.List;

/** Factories for the Pub/Sub side of the trace sinks: topics, subscriptions and their IAM bindings. */
final class TraceTopics {

    /** An empty TTL: the subscription never expires, however long it stays idle (dead letters are rare). */
    private static final String NEVER = "";
    private static final String MIN_BACKOFF = "10s";
    private static final String MAX_BACKOFF = "600s";

    private TraceTopics() {
    }

    static Topic topic(String name, String topicName, TraceSinkSpec spec, CustomResourceOptions options) {
        return new Topic(name, TopicArgs.builder()
                .project(spec.project())
                .name(topicName)
                .messageRetentionDuration(TraceSinkSpec.seconds(spec.topicRetentionSeconds()))
                .build(), options);
    }

    /** Keeps dead letters readable (and replayable) after BigQuery rejected them. */
    static Subscription deadLetterPull(String name, Topic deadLetter, TraceSinkSpec spec,
                                       CustomResourceOptions options) {
        return new Subscription(name, SubscriptionArgs.builder()
                .project(spec.project())
                .name(spec.deadLetterSubscription())
                .topic(deadLetter.name())
                .messageRetentionDuration(TraceSinkSpec.seconds(spec.subscriptionRetentionSeconds()))
                .expirationPolicy(SubscriptionExpirationPolicyArgs.builder().ttl(NEVER).build())
                .build(), options);
    }

    /** Writes every message into the raw table, with Pub/Sub's metadata columns. */
    static Subscription bigQuery(String name, Topic topic, Topic deadLetter, TraceSinkSpec spec,
                                 List<Resource> writeAccess, CustomResourceOptions options) {
        return new Subscription(name, SubscriptionArgs.builder()
                .project(spec.project())
                .name(spec.subscription())
                .topic(topic.name())
                .bigqueryConfig(SubscriptionBigqueryConfigArgs.builder()
                        .table(spec.rawTableReference())
                        .writeMetadata(true)
                        .useTopicSchema(false)
                        .dropUnknownFields(false)
                        .build())
                .deadLetterPolicy(SubscriptionDeadLetterPolicyArgs.builder()
                        .deadLetterTopic(deadLetter.name().applyValue(
                                topicName -> Names.topicPath(spec.project(), topicName)))
                        .maxDeliveryAttempts(spec.maxDeliveryAttempts())
                        .build())
                .retryPolicy(SubscriptionRetryPolicyArgs.builder()
                        .minimumBackoff(MIN_BACKOFF)
                        .maximumBackoff(MAX_BACKOFF)
                        .build())
                .messageRetentionDuration(TraceSinkSpec.seconds(spec.subscriptionRetentionSeconds()))
                .expirationPolicy(SubscriptionExpirationPolicyArgs.builder().ttl(NEVER).build())
                .build(),
                // Pub/Sub checks that it may write the table when the subscription is created.
                CustomResourceOptions.merge(options, CustomResourceOptions.builder().dependsOn(writeAccess).build()));
    }

    static void topicRole(String name, Topic topic, String role, Output<String> member, TraceSinkSpec spec,
                          CustomResourceOptions options) {
        new TopicIAMMember(name, TopicIAMMemberArgs.builder()
                .project(spec.project())
                .topic(topic.name())
                .role(role)
                .member(member)
                .build(), options);
    }

    static void subscriptionRole(String name, Subscription subscription, String role, Output<String> member,
                                 TraceSinkSpec spec, CustomResourceOptions options) {
        new SubscriptionIAMMember(name, SubscriptionIAMMemberArgs.builder()
                .project(spec.project())
                .subscription(subscription.name())
                .role(role)
                .member(member)
                .build(), options);
    }
}
