package io.github.sqlguard.sql;

import java.util.List;
import java.util.Locale;

/**
 * Oracle's conditional compilation: selection directives ({@code $IF $$debug $THEN .. $ELSE .. $END}) and inquiry
 * directives ({@code $$PLSQL_UNIT}). The directives are read as comments, so that the code of every branch is
 * read as the statements it holds: taken for PL/SQL's IF and END, {@code $IF} and {@code $END} ended the block
 * early, and a {@code $END} glued to the next statement hid its verb.
 */
final class ConditionalCompilation {

    private ConditionalCompilation() {
    }

    /**
     * The end of the selection directive at {@code pos}, or -1 when none starts there: {@code $IF ..} and
     * {@code $ELSIF ..} reach to their {@code $THEN}, {@code $ERROR ..} to its {@code $END}; {@code $ELSE},
     * {@code $END} and a {@code $THEN} on its own are one word. A condition whose closing word does not follow
     * before a {@code ;} is left to be read as code.
     */
    static int directiveEnd(String text, int pos, int end) {
        if (startsWith(text, pos, end, "$IF") || startsWith(text, pos, end, "$ELSIF")) {
            return through(text, pos, end, "$THEN");
        }
        if (startsWith(text, pos, end, "$ERROR")) {
            return through(text, pos, end, "$END");
        }
        for (String word : new String[] {"$ELSE", "$END", "$THEN"}) {
            if (startsWith(text, pos, end, word)) {
                return pos + word.length();
            }
        }
        return -1;
    }

    /**
     * In auto, where {@code $$} may open a PostgreSQL string: true when the {@code $$} at {@code pos} is an
     * inquiry directive instead, a name Oracle predefines ({@code $$PLSQL_UNIT}, {@code $$PLSQL_LINE}, ..) or any
     * name once the text has used a selection directive, which no PostgreSQL script has.
     */
    static boolean inquiryAt(String text, int pos, int end, List<Token> before) {
        int nameEnd = pos + 2;
        while (nameEnd < end && (Character.isLetterOrDigit(text.charAt(nameEnd)) || text.charAt(nameEnd) == '_')) {
            nameEnd++;
        }
        if (nameEnd == pos + 2 || !Character.isLetter(text.charAt(pos + 2))) {
            return false;
        }
        String name = text.substring(pos + 2, nameEnd).toLowerCase(Locale.ROOT);
        if (name.startsWith("plsql_") || name.equals("nls_length_semantics") || name.equals("permit_92_wrap_format")) {
            return true;
        }
        for (int i = before.size() - 1; i >= 0; i--) {
            Token token = before.get(i);
            if (token.type() == TokenType.COMMENT && token.text().startsWith("$")) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(String text, int pos, int end, String word) {
        return ClientCommands.startsWithWord(text, pos, end, word);
    }

    /** The end of {@code closing} after the directive word at {@code pos}, or the directive word's end. */
    private static int through(String text, int pos, int end, String closing) {
        int i = pos + 1;
        while (i < end && ClientCommands.isWordPart(text.charAt(i))) {
            i++;
        }
        int wordEnd = i;
        for (; i < end && text.charAt(i) != ';'; i++) {
            if (text.charAt(i) == '$' && startsWith(text, i, end, closing)) {
                return i + closing.length();
            }
        }
        return wordEnd;
    }
}
