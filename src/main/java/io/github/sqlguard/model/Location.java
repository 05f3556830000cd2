package io.github.sqlguard.model;

/**
 * A position in a scanned file. {@code path} is relative to the project base directory and uses
 * forward slashes; {@code line} and {@code column} count from 1.
 */
public record Location(String path, int line, int column) implements Comparable<Location> {

    public Location {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column count from 1: " + line + ":" + column);
        }
    }

    @Override
    public int compareTo(Location other) {
        int byPath = path.compareTo(other.path);
        if (byPath != 0) {
            return byPath;
        }
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return path + ":" + line + ":" + column;
    }
}
