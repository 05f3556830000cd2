package io.github.sqlguard.report;

import io.github.sqlguard.model.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming writer for the JSON reports: indented output, commas placed for the caller, strings
 * quoted by {@link Json#quote}. It trusts the caller to nest calls correctly. Output goes straight to the
 * given {@link Writer}, so a report of any size is never held in memory; a failed write surfaces as an
 * {@link UncheckedIOException} that {@link ReportWriter#streamUtf8} turns back into the {@link IOException}.
 */
final class JsonWriter {

    private final Writer out;
    /** Per open container: has it received an element yet? */
    private final Deque<Boolean> hasElements = new ArrayDeque<>();
    private boolean afterName;

    /** Writes into a string, for {@link #toJson()}. */
    JsonWriter() {
        this(new StringWriter());
    }

    JsonWriter(Writer out) {
        this.out = out;
    }

    JsonWriter beginObject() {
        return open('{');
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        return open('[');
    }

    JsonWriter endArray() {
        return close(']');
    }

    JsonWriter name(String name) {
        startElement();
        appendQuoted(name);
        append(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String value) {
        startValue();
        appendQuoted(value);
        return this;
    }

    JsonWriter value(long value) {
        return raw(Long.toString(value));
    }

    JsonWriter value(boolean value) {
        return raw(Boolean.toString(value));
    }

    JsonWriter nullValue() {
        return raw("null");
    }

    /** A number already formatted as JSON, e.g. {@code 0.410}. */
    JsonWriter number(String formatted) {
        return raw(formatted);
    }

    JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, boolean value) {
        return name(name).value(value);
    }

    /** Ends the document with a line break. */
    void finish() {
        append("\n");
    }

    /** The document written into a string, ending with a line break. */
    String toJson() {
        finish();
        return out.toString();
    }

    private void append(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a plain string straight through between quotes; only one that needs escapes is copied. */
    private void appendQuoted(String value) {
        if (value != null && Json.needsNoEscape(value)) {
            append('"');
            append(value);
            append('"');
        } else {
            append(Json.quote(value));
        }
    }

    private void append(char c) {
        try {
            out.write(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonWriter open(char bracket) {
        startValue();
        append(bracket);
        hasElements.push(false);
        return this;
    }

    private JsonWriter close(char bracket) {
        boolean any = hasElements.pop();
        if (any) {
            newLine();
        }
        append(bracket);
        return this;
    }

    private JsonWriter raw(String json) {
        startValue();
        append(json);
        return this;
    }

    private void startValue() {
        if (afterName) {
            afterName = false;
        } else if (!hasElements.isEmpty()) {
            startElement();
        }
    }

    private void startElement() {
        if (hasElements.peek()) {
            append(',');
        }
        hasElements.pop();
        hasElements.push(true);
        newLine();
    }

    private void newLine() {
        append('\n');
        for (int i = hasElements.size(); i > 0; i--) {
            append("  ");
        }
    }
}
