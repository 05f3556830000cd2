package io.github.sqlguard.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folders a Flyway location stands for. Flyway and Spring Boot replace a {@code {vendor}} folder with the name
 * of the database they connect to ({@code db/{vendor}} is {@code db/postgresql} on PostgreSQL); the build does not
 * know which database that is, so every folder standing in that place is a location: each of them runs somewhere.
 * Flyway also expands wildcards in a location: {@code *} and {@code ?} within one folder name
 * ({@code db/release-*}), {@code **} for any number of folders ({@code db/**}{@code /migration}).
 */
final class LocationFolders {

    private static final String VENDOR = "{vendor}";
    private static final String ANY_DEPTH = "**";

    private LocationFolders() {
    }

    /**
     * The folders {@code location} stands for: itself when it has no {@code {vendor}} part or wildcard, else every
     * existing folder it matches (sorted by name). When none exists, the location as written, so the missing
     * folder is reported.
     */
    static List<Path> expand(Path location) {
        int index = patternIndex(location);
        if (index < 0) {
            return List.of(location);
        }
        Path parent = index == 0 ? location.getRoot() : location.getRoot() == null
                ? location.subpath(0, index) : location.getRoot().resolve(location.subpath(0, index));
        Path rest = index + 1 < location.getNameCount() ? location.subpath(index + 1, location.getNameCount()) : null;
        List<Path> expanded = new ArrayList<>();
        if (parent != null && Files.isDirectory(parent)) {
            try {
                for (Path folder : matching(parent, location.getName(index).toString())) {
                    for (Path found : expand(rest == null ? folder : folder.resolve(rest.toString()))) {
                        if (Files.isDirectory(found) && !expanded.contains(found)) {
                            expanded.add(found);
                        }
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                return List.of(location);
            }
        }
        return expanded.isEmpty() ? List.of(location) : expanded;
    }

    /** The folders in {@code parent} that one name of a location matches; {@code **} is the folder and all below. */
    private static List<Path> matching(Path parent, String name) throws IOException {
        if (name.equals(ANY_DEPTH)) {
            try (Stream<Path> below = Files.walk(parent)) {
                return below.filter(Files::isDirectory).sorted().toList();
            }
        }
        Pattern pattern = name.equals(VENDOR) ? null : Pattern.compile(globToRegex(name));
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(Files::isDirectory)
                    .filter(child -> pattern == null || pattern.matcher(child.getFileName().toString()).matches())
                    .sorted().toList();
        }
    }

    private static String globToRegex(String name) {
        StringBuilder regex = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    private static int patternIndex(Path location) {
        for (int i = 0; i < location.getNameCount(); i++) {
            String name = location.getName(i).toString();
            if (name.equals(VENDOR) || name.indexOf('*') >= 0 || name.indexOf('?') >= 0) {
                return i;
            }
        }
        return -1;
    }
}
