package dev.tracestack.render.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Cloud Monitoring {@code Dashboard} as typed values, in the API's JSON shape
 * (monitoring.googleapis.com/v1 projects.dashboards), which is also what {@code dashboardJson} takes.
 */
public final class DashboardModel {

    private DashboardModel() {
    }

    /** A dashboard with a 12-column mosaic layout. */
    public record Dashboard(String displayName, MosaicLayout mosaicLayout) {
    }

    /** Tiles placed on a grid. */
    public record MosaicLayout(int columns, List<Tile> tiles) {
    }

    /** One widget at a grid position. */
    public record Tile(int xPos, int yPos, int width, int height, Widget widget) {
    }

    /** A titled line chart. */
    public record Widget(String title, XyChart xyChart) {
    }

    /** Lines from one or more queries, with optional horizontal threshold lines. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record XyChart(List<DataSet> dataSets, List<Threshold> thresholds, Axis yAxis) {
    }

    /** One query drawn as lines; {@code legendTemplate} names each line. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record DataSet(TimeSeriesQuery timeSeriesQuery, String plotType, String legendTemplate) {
    }

    /** Either a plain filter or a ratio of two filters. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimeSeriesQuery(TimeSeriesFilter timeSeriesFilter, TimeSeriesFilterRatio timeSeriesFilterRatio) {
    }

    /** A filter and how to aggregate what it selects. */
    public record TimeSeriesFilter(String filter, AlertPolicyModel.Aggregation aggregation) {
    }

    /** numerator / denominator, e.g. error calls over all calls. */
    public record TimeSeriesFilterRatio(RatioPart numerator, RatioPart denominator) {
    }

    /** One side of a ratio. */
    public record RatioPart(String filter, AlertPolicyModel.Aggregation aggregation) {
    }

    /** A horizontal line, e.g. the 5% error-rate objective. */
    public record Threshold(String label, double value, String color, String direction) {
    }

    /** The y axis label and scale. */
    public record Axis(String label, String scale) {
    }
}
