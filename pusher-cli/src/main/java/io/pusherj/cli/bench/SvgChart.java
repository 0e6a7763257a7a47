package io.pusherj.cli.bench;

import java.util.List;
import java.util.Locale;

/**
 * Small charts as inline SVG for the bench report: lines over time and bars of a histogram, with axes,
 * ticks and a legend. No script and no fonts or styles from elsewhere, so the report opens anywhere,
 * offline.
 */
final class SvgChart {
    static final int WIDTH = 760;
    static final int HEIGHT = 260;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 44;
    private static final int TICKS = 5;

    /** One line of a chart. */
    record Line(String name, String color, List<Double> ys) {}

    private SvgChart() {}

    /** {@return lines over a shared x axis} */
    static String lines(String title, String xLabel, String yLabel, List<Double> xs, List<Line> lines) {
        double xMax = nice(max(xs));
        double yMax = 0;
        for (Line l : lines) {
            yMax = Math.max(yMax, max(l.ys()));
        }
        yMax = nice(yMax);
        StringBuilder svg = frame(title, xLabel, yLabel, xMax, yMax);
        for (Line l : lines) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < xs.size() && i < l.ys().size(); i++) {
                points.append(fmt(x(xs.get(i), xMax)))
                        .append(',')
                        .append(fmt(y(l.ys().get(i), yMax)))
                        .append(' ');
            }
            svg.append("<polyline fill=\"none\" stroke=\"")
                    .append(l.color())
                    .append("\" stroke-width=\"2\" points=\"")
                    .append(points.toString().trim())
                    .append("\"/>\n");
        }
        legend(svg, lines.stream().map(l -> new String[] {l.name(), l.color()}).toList());
        return svg.append("</svg>\n").toString();
    }

    /** {@return bars: {@code counts[i]} between {@code edges[i]} and {@code edges[i + 1]}} */
    static String bars(String title, String xLabel, String yLabel, double[] edges, long[] counts, String color) {
        double xMax = nice(edges[edges.length - 1]);
        double yMax = 0;
        for (long c : counts) {
            yMax = Math.max(yMax, c);
        }
        yMax = nice(yMax);
        StringBuilder svg = frame(title, xLabel, yLabel, xMax, yMax);
        for (int i = 0; i < counts.length; i++) {
            double x0 = x(edges[i], xMax);
            double x1 = x(edges[i + 1], xMax);
            double y0 = y(counts[i], yMax);
            svg.append("<rect x=\"")
                    .append(fmt(x0))
                    .append("\" y=\"")
                    .append(fmt(y0))
                    .append("\" width=\"")
                    .append(fmt(Math.max(1, x1 - x0 - 1)))
                    .append("\" height=\"")
                    .append(fmt(y(0, yMax) - y0))
                    .append("\" fill=\"")
                    .append(color)
                    .append("\"/>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder frame(String title, String xLabel, String yLabel, double xMax, double yMax) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        svg.append("<text x=\"")
                .append(LEFT)
                .append("\" y=\"16\" font-size=\"13\" font-weight=\"bold\">")
                .append(BenchReport.escape(title))
                .append("</text>\n");
        int plotBottom = HEIGHT - BOTTOM;
        int plotRight = WIDTH - RIGHT;
        for (int i = 0; i <= TICKS; i++) {
            double yv = yMax * i / TICKS;
            double yy = y(yv, yMax);
            svg.append("<line x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(plotRight)
                    .append("\" y1=\"")
                    .append(fmt(yy))
                    .append("\" y2=\"")
                    .append(fmt(yy))
                    .append("\" stroke=\"#e4e4e4\"/>\n");
            svg.append("<text x=\"")
                    .append(LEFT - 6)
                    .append("\" y=\"")
                    .append(fmt(yy + 4))
                    .append("\" text-anchor=\"end\">")
                    .append(tick(yv))
                    .append("</text>\n");
            double xv = xMax * i / TICKS;
            svg.append("<text x=\"")
                    .append(fmt(x(xv, xMax)))
                    .append("\" y=\"")
                    .append(plotBottom + 16)
                    .append("\" text-anchor=\"middle\">")
                    .append(tick(xv))
                    .append("</text>\n");
        }
        svg.append("<line x1=\"")
                .append(LEFT)
                .append("\" x2=\"")
                .append(plotRight)
                .append("\" y1=\"")
                .append(plotBottom)
                .append("\" y2=\"")
                .append(plotBottom)
                .append("\" stroke=\"#444\"/>\n");
        svg.append("<line x1=\"")
                .append(LEFT)
                .append("\" x2=\"")
                .append(LEFT)
                .append("\" y1=\"")
                .append(TOP)
                .append("\" y2=\"")
                .append(plotBottom)
                .append("\" stroke=\"#444\"/>\n");
        svg.append("<text x=\"")
                .append((LEFT + plotRight) / 2)
                .append("\" y=\"")
                .append(HEIGHT - 8)
                .append("\" text-anchor=\"middle\">")
                .append(BenchReport.escape(xLabel))
                .append("</text>\n");
        svg.append("<text transform=\"translate(14,")
                .append((TOP + plotBottom) / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">")
                .append(BenchReport.escape(yLabel))
                .append("</text>\n");
        return svg;
    }

    private static void legend(StringBuilder svg, List<String[]> entries) {
        int x = WIDTH - RIGHT - 150;
        for (int i = 0; i < entries.size(); i++) {
            int y = TOP + 6 + i * 16;
            svg.append("<rect x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(y - 8)
                    .append("\" width=\"12\" height=\"4\" fill=\"")
                    .append(entries.get(i)[1])
                    .append("\"/>\n");
            svg.append("<text x=\"")
                    .append(x + 18)
                    .append("\" y=\"")
                    .append(y - 3)
                    .append("\">")
                    .append(BenchReport.escape(entries.get(i)[0]))
                    .append("</text>\n");
        }
    }

    private static double x(double v, double max) {
        return LEFT + (max <= 0 ? 0 : v / max) * (WIDTH - LEFT - RIGHT);
    }

    private static double y(double v, double max) {
        return HEIGHT - BOTTOM - (max <= 0 ? 0 : v / max) * (HEIGHT - BOTTOM - TOP);
    }

    private static double max(List<Double> values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    /**
     * {@return the axis end at or above {@code v}: 1, 2, 2.5 or 5 times a power of ten, so that the axis's
     * {@value #TICKS} ticks fall on round numbers}
     */
    static double nice(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        double f = v / power;
        double step = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return step * power;
    }

    private static String tick(double v) {
        return v >= 100 || v == Math.rint(v)
                ? String.format(Locale.ROOT, "%,.0f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
