package io.github.sqlguard.report;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The report files sqlguard can write, each with its fixed file name inside the report directory. */
public enum ReportFormat {
    SARIF("sqlguard.sarif"),
    JSON("sqlguard.json"),
    CHECKSTYLE("checkstyle-result.xml"),
    JUNIT("TEST-sqlguard.xml"),
    GITLAB("gl-code-quality-report.json"),
    HTML("sqlguard.html");

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The file name inside the report directory, e.g. {@code sqlguard.sarif}. */
    public String fileName() {
        return fileName;
    }

    /** A writer for this format. */
    public ReportWriter writer() {
        // A switch rather than a constructor reference per constant: the formats are named on every run, the
        // writers made only when the reports change, and each reference would be a class generated at start.
        return switch (this) {
            case SARIF -> new SarifReport();
            case JSON -> new JsonReport();
            case CHECKSTYLE -> new CheckstyleReport();
            case JUNIT -> new JUnitReport();
            case GITLAB -> new GitLabCodeQualityReport();
            case HTML -> new HtmlReport();
        };
    }

    /** The configuration spelling, e.g. {@code sarif}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads one configured format name, case-insensitively.
     *
     * @throws IllegalArgumentException naming the valid values when {@code value} is not one of them
     */
    public static ReportFormat fromConfig(String value) {
        String wanted = value == null ? "" : value.trim();
        for (ReportFormat format : values()) {
            if (format.configName().equalsIgnoreCase(wanted)) {
                return format;
            }
        }
        // A file kind rather than a format ("xml"): say which formats write that kind of file.
        String ofThatKind = Arrays.stream(values()).filter(format -> !wanted.isEmpty()
                && format.fileName.toLowerCase(Locale.ROOT).endsWith("." + wanted.toLowerCase(Locale.ROOT)))
                .map(format -> format.configName() + " (" + format.fileName + ")").collect(Collectors.joining(", "));
        throw new IllegalArgumentException("Unknown report format '" + value + "'; valid values are: "
                + validValues() + " (or all)" + (ofThatKind.isEmpty() ? ""
                        : "; the formats that write " + wanted + " files are " + ofThatKind));
    }

    /**
     * Reads a configured list of formats; each entry may itself be comma-separated (as a
     * {@code -Dsqlguard.formats=sarif,json} property arrives). {@code all}, or a null list, selects every
     * format. A list that names nothing ({@code -Dsqlguard.formats=}) is refused, as an empty dialect is:
     * it is a mistake more likely than a wish for every format.
     *
     * @throws IllegalArgumentException naming the valid values for an unknown entry or an empty list
     */
    public static Set<ReportFormat> fromConfig(Collection<String> values) {
        Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
        if (values == null) {
            return EnumSet.allOf(ReportFormat.class);
        }
        for (String value : values) {
            for (String part : (value == null ? "" : value).split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                if (part.trim().equalsIgnoreCase("all")) {
                    formats.addAll(EnumSet.allOf(ReportFormat.class));
                } else {
                    formats.add(fromConfig(part));
                }
            }
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("No report format given (formats is empty); valid values are: "
                    + validValues() + " (or all)");
        }
        return formats;
    }

    /** The valid configuration values, comma-separated. */
    public static String validValues() {
        return Arrays.stream(values()).map(ReportFormat::configName).collect(Collectors.joining(", "));
    }
}
