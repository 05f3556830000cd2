package io.github.sqlguard;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.LineIndex;
import io.github.sqlguard.model.Location;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The lines findings point at, cut from the text of their files as the analysis read it. */
final class SourceLines {

    private SourceLines() {
    }

    /** The text of each finding's line, for the findings whose file text is in {@code textsByPath}. */
    static Map<Location, String> of(List<Finding> findings, Map<String, String> textsByPath) {
        Map<String, LineIndex> indexes = new HashMap<>();
        Map<Location, String> lines = new HashMap<>();
        for (Finding finding : findings) {
            Location location = finding.location();
            String text = textsByPath.get(location.path());
            if (text == null || text.isEmpty()) {
                continue;
            }
            LineIndex index = indexes.computeIfAbsent(location.path(), p -> new LineIndex(text));
            if (location.line() > index.lineCount()) {
                continue;
            }
            int start = index.lineStart(location.line());
            int end = location.line() < index.lineCount() ? index.lineStart(location.line() + 1) : text.length();
            while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
                end--;
            }
            // Column 1 is the first character after a byte-order mark, so the caret lines up.
            if (start == 0 && text.startsWith("\uFEFF")) {
                start = Math.min(1, end);
            }
            lines.put(location, text.substring(start, end));
        }
        return lines;
    }
}
