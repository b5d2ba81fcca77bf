package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.GCP_PROJECT;
import static dev.tracestack.config.ConfigKeys.GCP_REGION;

import java.util.regex.Pattern;

/**
 * The Google Cloud project the stack provisions into ({@code gcp:project}, {@code gcp:region}).
 *
 * @param project the project id; empty where none is set (required on Kubernetes, see {@link CrossSectionRules})
 * @param region  the region for regional resources
 */
public record GcpSettings(String project, String region) {

    /** Google's rule for project ids: 6-30 characters, lower-case letters, digits and hyphens. */
    private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
    private static final Pattern REGION = Pattern.compile("[a-z]+-[a-z]+[0-9]+");

    static GcpSettings read(ConfigSection root) {
        return new GcpSettings(root.string(GCP_PROJECT).orElse(""), root.string(GCP_REGION).orElse(Defaults.GCP_REGION));
    }

    void validate(StackConfigValidator.Rules rules) {
        if (!project.isEmpty()) {
            rules.check(PROJECT_ID.matcher(project).matches(), GCP_PROJECT, project,
                    "must be a Google Cloud project id: 6-30 lower-case letters, digits or hyphens, "
                            + "starting with a letter and not ending with a hyphen");
        }
        rules.check(REGION.matcher(region).matches(), GCP_REGION, region,
                "must be a Google Cloud region such as europe-west3");
    }
}
