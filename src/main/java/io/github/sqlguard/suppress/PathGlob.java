package io.github.sqlguard.suppress;

import java.util.ArrayList;
import java.util.List;

/**
 * A Maven/Ant-style path pattern over forward-slash relative paths: {@code *} and {@code ?} match within
 * one directory name, {@code **} matches zero or more whole directories, and a pattern ending in
 * {@code /} means everything below that directory. As in Maven's includes, a pattern without a
 * directory part ({@code *.sql}) matches only files at the top level; write {@code **}{@code /*.sql} for
 * any depth. Matching is case-sensitive.
 */
public final class PathGlob {

    private final String pattern;
    private final List<String> segments;

    public PathGlob(String pattern) {
        String normalized = pattern.strip().replace('\\', '/');
        while (normalized.startsWith("./")) {
            normalized = normalized.substring(2);
        }
        if (normalized.endsWith("/")) {
            normalized = normalized + "**";
        }
        this.pattern = pattern;
        this.segments = splitPath(normalized);
    }

    /** True when {@code relativePath} (either slash) matches the whole pattern. */
    public boolean matches(String relativePath) {
        return matchSegments(0, splitPath(relativePath.replace('\\', '/')), 0);
    }

    @Override
    public String toString() {
        return pattern;
    }

    private boolean matchSegments(int patternIndex, List<String> path, int pathIndex) {
        if (patternIndex == segments.size()) {
            return pathIndex == path.size();
        }
        String segment = segments.get(patternIndex);
        if (segment.equals("**")) {
            // Zero directories first, then let ** swallow one more directory at a time.
            for (int next = pathIndex; next <= path.size(); next++) {
                if (matchSegments(patternIndex + 1, path, next)) {
                    return true;
                }
            }
            return false;
        }
        return pathIndex < path.size() && matchName(segment, 0, path.get(pathIndex), 0)
                && matchSegments(patternIndex + 1, path, pathIndex + 1);
    }

    private static boolean matchName(String glob, int g, String name, int n) {
        while (g < glob.length()) {
            char c = glob.charAt(g);
            if (c == '*') {
                for (int rest = n; rest <= name.length(); rest++) {
                    if (matchName(glob, g + 1, name, rest)) {
                        return true;
                    }
                }
                return false;
            }
            if (n == name.length() || (c != '?' && c != name.charAt(n))) {
                return false;
            }
            g++;
            n++;
        }
        return n == name.length();
    }

    private static List<String> splitPath(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }
}
