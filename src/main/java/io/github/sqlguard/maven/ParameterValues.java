package io.github.sqlguard.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the mojos read list- and map-valued parameters and the folders they are told to scan. */
final class ParameterValues {

    private ParameterValues() {
    }

    /**
     * A directory inside another listed one is scanned with it, and kept only as a folder globs may be
     * written from (see {@code GlobAnchors}); one that does not exist is dropped then, so it is not reported.
     */
    static List<Path> withoutNestedMissing(List<Path> paths) {
        List<Path> kept = new ArrayList<>();
        for (Path candidate : paths) {
            boolean nested = false;
            for (Path other : paths) {
                nested |= !other.equals(candidate) && candidate.startsWith(other);
            }
            if ((!nested || Files.isDirectory(candidate)) && !kept.contains(candidate)) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    static String firstSet(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    static List<String> orDefault(List<String> values, List<String> fallback) {
        if (values == null || values.isEmpty()) {
            return fallback;
        }
        List<String> split = new ArrayList<>();
        for (String value : values) {
            split.addAll(splitList(value));
        }
        return split;
    }

    /** The values trimmed, blank and null ones dropped; none for null. */
    static List<String> trimmedNonBlank(List<String> values) {
        List<String> kept = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    kept.add(value.trim());
                }
            }
        }
        return kept;
    }

    /** A comma-separated property value as a list, blanks dropped. */
    static List<String> splitList(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String part : value.split(",")) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty()) {
                values.add(trimmed);
            }
        }
        return List.copyOf(values);
    }

    /**
     * A map parameter with Maven's null for an empty element ({@code <schemaPrefix/>}) read as the empty value it
     * stands for, as Flyway and Liquibase read it.
     */
    static Map<String, String> emptyForNull(Map<String, String> values) {
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            copy.put(entry.getKey(), entry.getValue() == null ? "" : entry.getValue());
        }
        return copy;
    }
}
