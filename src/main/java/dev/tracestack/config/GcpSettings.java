package dev.tracestack.config;

/**
 * The Google Cloud project the stack provisions into.
 *
 * @param project the project id ({@code gcp:project}), required
 * @param region  the region for regional resources ({@code gcp:region})
 */
public record GcpSettings(String project, String region) {
}
