package org.passerelle.server.coordination.web;

/** An indicator drawn by month: its label above, the chart (server-drawn SVG) below. */
public record IndicatorChart(String title, String svg) {
}
