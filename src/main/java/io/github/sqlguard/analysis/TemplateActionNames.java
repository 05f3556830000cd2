package io.github.sqlguard.analysis;

/**
 * Names that hold a Go text/template or Jinja action ({@code {{ index .Options "Namespace" }}.users}), which the
 * migration tool fills in before the database sees the script. One script writes the same action with and without
 * spaces ({@code {{.Schema}}}, {@code {{ .Schema }}}), with trim markers ({@code {{- .Schema -}}}) or in double quotes:
 * each is the same text once filled in, so each names the same table. The dots inside an action
 * ({@code .Options}) separate no parts of the name.
 */
public final class TemplateActionNames {

    private TemplateActionNames() {
    }

    /** The index just past the {@code }}} that closes an action opening at {@code at}, or -1 when none opens there. */
    public static int actionEnd(String name, int at) {
        if (!name.startsWith("{{", at)) {
            return -1;
        }
        boolean quoted = false;
        for (int i = at + 2; i < name.length() - 1; i++) {
            char c = name.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '}' && name.charAt(i + 1) == '}') {
                return i + 2;
            }
        }
        return -1;
    }

    /**
     * A name part as a message shows it: an action written over several lines ({@code {{ index .Options} and
     * {@code "Namespace" }}} below it) on one, its line breaks and the blanks after them one blank each.
     */
    public static String onOneLine(String part) {
        if (part.indexOf('\n') < 0 && part.indexOf('\r') < 0) {
            return part;
        }
        return part.startsWith("{{") ? part.replaceAll("\\s*[\\r\\n]\\s*", " ") : part;
    }

    /** {@code name} with each action written one way: no trim markers, no blanks ({@code {{.Schema}}}). */
    public static String canonical(String name) {
        if (!name.contains("{{")) {
            return name;
        }
        StringBuilder text = new StringBuilder(name.length());
        int i = 0;
        while (i < name.length()) {
            int end = actionEnd(name, i);
            if (end < 0) {
                text.append(name.charAt(i++));
                continue;
            }
            String inner = name.substring(i + 2, end - 2);
            // Go's trim markers ({{- x -}}) take a blank next to them and only change the blanks around the action.
            if (inner.length() > 1 && inner.charAt(0) == '-' && Character.isWhitespace(inner.charAt(1))) {
                inner = inner.substring(1);
            }
            if (inner.length() > 1 && inner.endsWith("-") && Character.isWhitespace(inner.charAt(inner.length() - 2))) {
                inner = inner.substring(0, inner.length() - 1);
            }
            text.append("{{").append(inner.replaceAll("\\s+", "")).append("}}");
            i = end;
        }
        return text.toString();
    }
}
