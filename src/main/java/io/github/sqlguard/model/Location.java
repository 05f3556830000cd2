package io.github.sqlguard.model;

import java.util.Objects;

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

    // Written out rather than generated: locations key the maps of every run, and a record's generated
    // equals and hashCode run through method handles, slow in a JVM that has not warmed up.
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Location that && line == that.line && column == that.column
                && Objects.equals(path, that.path);
    }

    @Override
    public int hashCode() {
        return (Objects.hashCode(path) * 31 + line) * 31 + column;
    }

    @Override
    public String toString() {
        return path + ":" + line + ":" + column;
    }
}
