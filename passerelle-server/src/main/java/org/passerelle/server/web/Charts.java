package org.passerelle.server.web;

import java.util.List;
import java.util.Locale;

/**
 * Charts drawn on the server as SVG: no script, nothing from elsewhere, readable by screen readers through
 * their title (pages show the same numbers in a table beside them).
 */
public final class Charts {

    /** A named series of values. */
    public record Series(String name, List<Double> values) {
    }

    private static final String[] COLOURS = {"#0b5cad", "#b3261e", "#1e6b3a", "#6f4c9b"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 300;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 56;

    private Charts() {
    }

    /** Lines of values between 0 and 1 over the given x labels (e.g. a disruption curve by step). */
    public static String ratioLines(String title, List<String> xLabels, List<Series> series) {
        StringBuilder svg = open(title);
        for (int tick = 0; tick <= 4; tick++) {
            double y = y(tick / 4.0, 1.0);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#d0d3d4"));
            svg.append(text(LEFT - 6, y + 4, String.format(Locale.ROOT, "%.2f", tick / 4.0), "end"));
        }
        int points = xLabels.size();
        for (int i = 0; i < points; i++) {
            if (points <= 12 || i % Math.max(1, points / 10) == 0) {
                svg.append(text(x(i, points), HEIGHT - BOTTOM + 16, xLabels.get(i), "middle"));
            }
        }
        for (int s = 0; s < series.size(); s++) {
            StringBuilder path = new StringBuilder();
            List<Double> values = series.get(s).values();
            for (int i = 0; i < values.size(); i++) {
                path.append(i == 0 ? "M" : "L").append(fmt(x(i, points))).append(' ').append(fmt(y(values.get(i), 1.0)));
            }
            String colour = COLOURS[s % COLOURS.length];
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"2.5\"/>");
            svg.append(legend(s, series.get(s).name(), colour));
        }
        return svg.append("</svg>").toString();
    }

    /** Bars of non-negative values, one per category. */
    public static String bars(String title, List<String> categories, List<Double> values) {
        StringBuilder svg = open(title);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        max = max <= 0 ? 1 : max;
        svg.append(line(LEFT, y(0, max), WIDTH - RIGHT, y(0, max), "#505a5f"));
        double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, categories.size());
        for (int i = 0; i < categories.size(); i++) {
            double top = y(values.get(i), max);
            double xLeft = LEFT + i * slot + slot * 0.15;
            svg.append("<rect x=\"").append(fmt(xLeft)).append("\" y=\"").append(fmt(top)).append("\" width=\"")
                    .append(fmt(slot * 0.7)).append("\" height=\"").append(fmt(y(0, max) - top))
                    .append("\" fill=\"").append(COLOURS[0]).append("\"/>");
            svg.append(text(xLeft + slot * 0.35, top - 4, String.format(Locale.ROOT, "%.0f", values.get(i)), "middle"));
            svg.append(text(xLeft + slot * 0.35, HEIGHT - BOTTOM + 16, categories.get(i), "middle"));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title) {
        // Axes run left to right in every language; Arabic labels still shape correctly inside.
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" direction=\"ltr\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(escape(title))
                .append("\"><title>").append(escape(title)).append("</title>")
                .append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#505a5f"));
    }

    private static String legend(int index, String name, String colour) {
        double x = LEFT + index * 200;
        double y = HEIGHT - 14;
        return line(x, y - 4, x + 24, y - 4, colour, 3) + text(x + 30, y, name, "start");
    }

    private static double x(int i, int points) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (points <= 1 ? 0 : i / (double) (points - 1));
    }

    private static double y(double value, double max) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / max);
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return line(x1, y1, x2, y2, colour, 1);
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, int width) {
        return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2)
                + "\" stroke=\"" + colour + "\" stroke-width=\"" + width + "\"/>";
    }

    private static String text(double x, double y, String content, String anchor) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" font-size=\"12\" text-anchor=\"" + anchor
                + "\" fill=\"#1b1f24\">" + escape(content) + "</text>";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
