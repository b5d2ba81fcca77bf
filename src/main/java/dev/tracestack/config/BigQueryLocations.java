package dev.tracestack.config;

import java.util.Locale;
import java.util.Set;

/**
 * The BigQuery dataset locations tracestack accepts, and the default location for a Google Cloud
 * region. Multi-regions ({@code EU}, {@code US}) are written in upper case as BigQuery spells them.
 */
public final class BigQueryLocations {

    public static final String EU = "EU";
    public static final String US = "US";

    /** BigQuery's regional locations (BigQuery locations page), plus the two multi-regions. */
    static final Set<String> KNOWN = Set.of(EU, US,
            "europe-central2", "europe-north1", "europe-north2", "europe-southwest1", "europe-west1",
            "europe-west2", "europe-west3", "europe-west4", "europe-west6", "europe-west8", "europe-west9",
            "europe-west10", "europe-west12",
            "us-central1", "us-east1", "us-east4", "us-east5", "us-south1", "us-west1", "us-west2", "us-west3",
            "us-west4", "northamerica-northeast1", "northamerica-northeast2", "northamerica-south1",
            "southamerica-east1", "southamerica-west1",
            "asia-east1", "asia-east2", "asia-northeast1", "asia-northeast2", "asia-northeast3", "asia-south1",
            "asia-south2", "asia-southeast1", "asia-southeast2", "australia-southeast1", "australia-southeast2",
            "me-central1", "me-central2", "me-west1", "africa-south1");

    private BigQueryLocations() {
    }

    public static boolean isKnown(String location) {
        return KNOWN.contains(location);
    }

    public static boolean isMultiRegion(String location) {
        return EU.equals(location) || US.equals(location);
    }

    /**
     * The location a dataset gets when the stack names none: the multi-region of the stack's region
     * ({@code europe-*} to {@code EU}, {@code us-*} to {@code US}), else the region itself.
     */
    public static String defaultFor(String region) {
        String lower = region.toLowerCase(Locale.ROOT);
        if (lower.startsWith("europe-")) {
            return EU;
        }
        if (lower.startsWith("us-")) {
            return US;
        }
        return region;
    }
}
