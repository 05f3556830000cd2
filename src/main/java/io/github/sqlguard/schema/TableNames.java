package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * The names a statement may give tables, as written: those after the words that introduce a table ({@code FROM},
 * {@code JOIN}, {@code INTO}, {@code TABLE}, {@code UPDATE}, {@code USING}, {@code TRUNCATE}, {@code DELETE},
 * {@code TO} of a rename), lists after them included. It reads more than tables (a column list's first name
 * sometimes), which costs {@link LossGuards} only a fact forgotten.
 */
final class TableNames {

    private TableNames() {
    }

    /** The words that introduce a table's name. */
    private static final String[] INTRODUCERS = {"FROM", "JOIN", "INTO", "TABLE", "UPDATE", "USING", "TRUNCATE",
        "DELETE", "TO"};

    /** The words between an introducer and the name. */
    private static final String[] BEFORE_NAME = {"IF", "NOT", "EXISTS", "ONLY", "FROM", "TABLE"};

    /** Asked of every statement by many of the replay's and the check's guards. */
    private static final RecentReadings<List<String>> READ = new RecentReadings<>(TableNames::read);

    /** The names of the tables {@code tokens} name, as written, in order; the list must not be changed. */
    static List<String> of(List<Token> tokens) {
        return READ.of(tokens);
    }

    private static List<String> read(List<Token> tokens) {
        // Read for every statement the replay and the check observe, data loads of thousands of tokens included.
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.type() != TokenType.WORD || token.text().length() > 8 || !token.isAnyWord(INTRODUCERS)) {
                continue;
            }
            int at = i + 1;
            while (at < tokens.size() && tokens.get(at).isAnyWord(BEFORE_NAME)) {
                at++;
            }
            while (at < tokens.size()) {
                SchemaNames.Read name = SchemaNames.name(tokens, at);
                if (name == null || name.next() <= at) {
                    break;
                }
                names.add(name.text());
                at = name.next();
                if (at + 1 < tokens.size() && tokens.get(at).isSymbol(",")) {
                    at++;
                } else {
                    break;
                }
            }
        }
        return List.copyOf(names);
    }
}
