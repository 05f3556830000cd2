package io.github.sqlguard.source;

import java.util.regex.Pattern;

/**
 * An include or exclude pattern in the Maven/Ant style, matched against a path relative to the scanned
 * directory with {@code /} separators.
 *
 * <p>{@code *} matches any characters within one path segment, {@code ?} one character, and a whole
 * segment {@code **} zero or more directories: {@code *.sql} matches only at the top of the directory,
 * {@code **}{@code /*.sql} at any depth (the top included), {@code db/**} everything under {@code db}.
 * A pattern ending in {@code /} means "everything under", as in Ant. Backslashes are read as {@code /}
 * and a leading {@code /} or {@code ./} is ignored. Matching is case-sensitive, like Maven's scanner on
 * Linux.
 */
public final class GlobPattern {

    private final String glob;
    private final Pattern regex;

    private GlobPattern(String glob, Pattern regex) {
        this.glob = glob;
        this.regex = regex;
    }

    /**
     * Compiles a glob.
     *
     * @throws IllegalArgumentException when the glob is blank
     */
    public static GlobPattern compile(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("an include or exclude pattern is empty");
        }
        String normalised = normalise(glob);
        return new GlobPattern(glob.trim(), Pattern.compile(toRegex(normalised)));
    }

    /** True when {@code relativePath} (with {@code /} separators) matches this glob. */
    public boolean matches(String relativePath) {
        return regex.matcher(relativePath).matches();
    }

    /** The glob as configured. */
    public String glob() {
        return glob;
    }

    @Override
    public String toString() {
        return glob;
    }

    private static String normalise(String glob) {
        String path = glob.trim().replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.isEmpty() || path.endsWith("/")) {
            path = path + "**";
        }
        // "**/**" means the same as "**".
        return path.replaceAll("/{2,}", "/").replaceAll("(?:\\*\\*/)+\\*\\*(?![^/])", "**");
    }

    private static String toRegex(String glob) {
        String[] segments = glob.split("/");
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            String segment = segments[i];
            if (segment.equals("**")) {
                if (!last) {
                    // Zero or more whole directories, each with its trailing slash.
                    regex.append("(?:[^/]+/)*");
                } else if (regex.length() == 0) {
                    regex.append(".*");
                } else {
                    // "db/**" also matches "db" itself, as in Ant.
                    regex.setLength(regex.length() - 1);
                    regex.append("(?:/.*)?");
                }
                continue;
            }
            regex.append(segmentRegex(segment));
            if (!last) {
                regex.append('/');
            }
        }
        return regex.toString();
    }

    private static String segmentRegex(String segment) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : segment.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? "[^/]*" : "[^/]");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return regex.toString();
    }
}
