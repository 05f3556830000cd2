package io.github.sqlguard.suppress;

import io.github.sqlguard.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sqlguard-baseline.json} format, version 1: an object with {@code "version": 1} and
 * {@code "entries"}, an array of objects with {@code file}, {@code rule}, {@code fingerprint},
 * {@code count} and {@code statement} (the statement's first line, a hint for humans that matching
 * ignores). Written one entry per line so that a regenerated file diffs line by line; unknown fields are
 * ignored when reading so later versions can add some.
 */
final class BaselineFile {

    static final int VERSION = 1;

    /** An entry and the line where it starts in the file. */
    record LocatedEntry(BaselineEntry entry, int line) {
    }

    private BaselineFile() {
    }

    static String render(List<BaselineEntry> sortedEntries) {
        StringBuilder out = new StringBuilder("{\n  \"version\": ").append(VERSION).append(",\n  \"entries\": [");
        for (int i = 0; i < sortedEntries.size(); i++) {
            BaselineEntry entry = sortedEntries.get(i);
            out.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"file\": ").append(Json.quote(entry.file()))
                    .append(", \"rule\": ").append(Json.quote(entry.rule()))
                    .append(", \"fingerprint\": ").append(Json.quote(entry.fingerprint()))
                    .append(", \"count\": ").append(entry.count())
                    .append(", \"statement\": ").append(Json.quote(entry.statement()))
                    .append('}');
        }
        out.append(sortedEntries.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return out.toString();
    }

    /**
     * The entries of {@code file}, each with the line where it starts.
     *
     * @throws IllegalArgumentException naming the file and line when the content is not a valid baseline
     */
    static List<LocatedEntry> read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null,
                    "baseline file not found; create it with the baseline goal (mvn sqlguard:baseline)");
        }
        Object root;
        try {
            root = BaselineJsonParser.parse(text);
        } catch (BaselineJsonParser.SyntaxError e) {
            throw problem(file, e.line, e.column + ": " + e.getMessage());
        }
        if (!(root instanceof BaselineJsonParser.JsonObject document)) {
            throw problem(file, 1, " the baseline must be a JSON object with \"version\" and \"entries\"");
        }
        Object version = document.fields().get("version");
        if (version == null) {
            throw problem(file, document.line(), " the baseline has no \"version\" (expected " + VERSION + ")");
        }
        if (!(version instanceof Long number) || number != VERSION) {
            throw problem(file, document.line(), " baseline version " + version + " is not supported; this "
                    + "plugin reads version " + VERSION + ", regenerate the file with the baseline goal");
        }
        if (!(document.fields().get("entries") instanceof List<?> list)) {
            throw problem(file, document.line(), " the baseline has no \"entries\" array");
        }
        List<LocatedEntry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            BaselineEntry entry = entryOf(file, i + 1, list.get(i));
            entries.add(new LocatedEntry(entry, ((BaselineJsonParser.JsonObject) list.get(i)).line()));
        }
        return entries;
    }

    private static BaselineEntry entryOf(Path file, int number, Object value) {
        if (!(value instanceof BaselineJsonParser.JsonObject entry)) {
            throw problem(file, 1, " baseline entry " + number + " is not an object");
        }
        String where = " baseline entry " + number;
        Object count = entry.fields().getOrDefault("count", 1L);
        if (!(count instanceof Long n) || n < 1 || n > Integer.MAX_VALUE) {
            throw problem(file, entry.line(), where + " has \"count\": " + count + "; it must be a whole number "
                    + "of at least 1");
        }
        Object statement = entry.fields().get("statement");
        return new BaselineEntry(requiredText(file, entry, where, "file"), requiredText(file, entry, where, "rule"),
                requiredText(file, entry, where, "fingerprint"), n.intValue(),
                statement instanceof String text ? text : "");
    }

    private static String requiredText(Path file, BaselineJsonParser.JsonObject entry, String where, String field) {
        if (entry.fields().get(field) instanceof String text && !text.isBlank()) {
            return text;
        }
        throw problem(file, entry.line(), where + " has no \"" + field + "\" text");
    }

    private static IllegalArgumentException problem(Path file, int line, String detail) {
        return new IllegalArgumentException("Malformed baseline " + file + ":" + line + ":" + detail
                + " (fix it, or delete it and run the baseline goal again)");
    }
}
