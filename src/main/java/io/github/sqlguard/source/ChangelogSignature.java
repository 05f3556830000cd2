package io.github.sqlguard.source;

import java.util.regex.Pattern;

/**
 * Cheap textual checks that tell a Liquibase changelog from any other file of the same format, by its
 * {@code databaseChangeLog} root (in XML also a lone {@code changeSet} root, the file Solidbase wraps into a
 * changelog). They only decide which reader gets the file; the Liquibase readers parse properly and report
 * malformed content.
 */
final class ChangelogSignature {

    private static final Pattern FORMATTED_SQL_HEADER =
            Pattern.compile("--\\s*liquibase\\s+formatted\\s+sql\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern YAML_ROOT_KEY = Pattern.compile("([\"']?)databaseChangeLog\\1\\s*:.*");
    private static final String ROOT = "databaseChangeLog";
    // Grails writes "databaseChangeLog = {", the liquibase-groovy-dsl "databaseChangeLog {" or "databaseChangeLog(".
    private static final Pattern GROOVY_ROOT = Pattern.compile("databaseChangeLog\\s*(=\\s*\\{|\\{|\\().*");
    private static final String CHANGESET_ROOT = "changeSet";

    private ChangelogSignature() {
    }

    /** True when the first non-blank line is {@code --liquibase formatted sql} (any case, spaces after --). */
    static boolean isFormattedSql(String text) {
        for (String line : (Iterable<String>) stripBom(text).lines()::iterator) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                return FORMATTED_SQL_HEADER.matcher(trimmed).matches();
            }
        }
        return false;
    }

    /**
     * True when the root element's local name is {@code databaseChangeLog} or {@code changeSet}, after prolog,
     * comments and DOCTYPE.
     */
    static boolean isXmlChangelog(String text) {
        String xml = stripBom(text);
        int pos = 0;
        while (true) {
            pos = skipWhitespace(xml, pos);
            if (xml.startsWith("<?", pos)) {
                pos = after(xml, "?>", pos + 2);
            } else if (xml.startsWith("<!--", pos)) {
                pos = after(xml, "-->", pos + 4);
            } else if (xml.startsWith("<!DOCTYPE", pos)) {
                pos = afterDoctype(xml, pos);
            } else if (xml.startsWith("<", pos)) {
                int end = pos + 1;
                while (end < xml.length() && !Character.isWhitespace(xml.charAt(end))
                        && "/>".indexOf(xml.charAt(end)) < 0) {
                    end++;
                }
                String name = xml.substring(pos + 1, end);
                String localName = name.substring(name.indexOf(':') + 1);
                return localName.equals(ROOT) || localName.equals(CHANGESET_ROOT);
            } else {
                return false;
            }
            if (pos < 0) {
                return false;
            }
        }
    }

    /** True when a line without indentation is the key {@code databaseChangeLog:} (or JSON-style YAML has it). */
    static boolean isYamlChangelog(String text) {
        String yaml = stripBom(text);
        boolean firstContent = true;
        for (String line : (Iterable<String>) yaml.lines()::iterator) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#") || content.startsWith("%") || content.equals("---")) {
                continue;
            }
            if (firstContent && content.startsWith("{")) {
                // JSON is YAML too: a flow-style document.
                return isJsonChangelog(yaml);
            }
            firstContent = false;
            if (!Character.isWhitespace(line.charAt(0)) && YAML_ROOT_KEY.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The line (from 1) on which a Groovy changelog's databaseChangeLog closure begins, or 0 when the text
     * has none outside comments: Groovy code that merely mentions the name is no changelog.
     */
    static int groovyChangelogLine(String text) {
        if (!text.contains(ROOT)) {
            return 0;
        }
        boolean inBlockComment = false;
        int number = 0;
        for (String line : (Iterable<String>) stripBom(text).lines()::iterator) {
            number++;
            String content = line.strip();
            if (inBlockComment) {
                int end = content.indexOf("*/");
                if (end < 0) {
                    continue;
                }
                inBlockComment = false;
                content = content.substring(end + 2).strip();
            }
            if (content.startsWith("/*") && !content.contains("*/")) {
                inBlockComment = true;
            } else if (GROOVY_ROOT.matcher(content).matches()) {
                return number;
            }
        }
        return 0;
    }

    /** True when the top-level JSON object has the key {@code "databaseChangeLog"}. */
    static boolean isJsonChangelog(String text) {
        String json = stripBom(text);
        int depth = 0;
        for (int pos = 0; pos < json.length(); pos++) {
            char c = json.charAt(pos);
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == '"') {
                int end = endOfString(json, pos);
                if (end < 0) {
                    return false;
                }
                if (depth == 1 && json.substring(pos + 1, end).equals(ROOT)
                        && skipWhitespace(json, end + 1) < json.length()
                        && json.charAt(skipWhitespace(json, end + 1)) == ':') {
                    return true;
                }
                pos = end;
            }
        }
        return false;
    }

    private static int endOfString(String json, int openingQuote) {
        for (int pos = openingQuote + 1; pos < json.length(); pos++) {
            char c = json.charAt(pos);
            if (c == '\\') {
                pos++;
            } else if (c == '"') {
                return pos;
            }
        }
        return -1;
    }

    private static int afterDoctype(String xml, int start) {
        // A DOCTYPE may carry an internal subset in [...] holding '>' characters.
        int close = xml.indexOf('>', start);
        int subset = xml.indexOf('[', start);
        if (subset >= 0 && (close < 0 || subset < close)) {
            int subsetEnd = xml.indexOf(']', subset);
            return subsetEnd < 0 ? -1 : after(xml, ">", subsetEnd);
        }
        return close < 0 ? -1 : close + 1;
    }

    private static int after(String text, String terminator, int from) {
        int at = text.indexOf(terminator, from);
        return at < 0 ? -1 : at + terminator.length();
    }

    private static int skipWhitespace(String text, int from) {
        int pos = from;
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
