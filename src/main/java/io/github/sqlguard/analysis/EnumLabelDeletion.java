package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * PostgreSQL has no {@code ALTER TYPE .. DROP VALUE}, so migrations remove an enum label with
 * {@code DELETE FROM pg_enum WHERE enumlabel = 'x' AND enumtypid = ..}. The catalog row goes, but the rows that
 * store the label keep its OID: reading them fails ("invalid internal value for enum"), and indexes over them
 * can no longer compare it. The deletion names the type through {@code typname = 'x'} (in a subquery on
 * pg_type) or a {@code 'x'::regtype} cast, and the labels through {@code enumlabel = 'x'} or
 * {@code enumlabel IN ('x', 'y')}.
 */
final class EnumLabelDeletion {

    /**
     * The deletion.
     *
     * @param words the statement's words for messages, {@code DELETE FROM pg_enum}
     * @param type the enum type its WHERE names, without quotes, or null when it names none by name
     * @param labels the labels its WHERE names, in written order; empty when it names none
     */
    record Deletion(String words, String type, List<String> labels) {
    }

    private EnumLabelDeletion() {
    }

    /** The deletion {@code core} (a DELETE statement) makes from PostgreSQL's pg_enum catalog, if it is one. */
    static Optional<Deletion> of(List<Token> core) {
        int at = core.size() > 1 && core.get(1).isWord("FROM") ? 2 : 1;
        ObjectNames.NameAt target = ObjectNames.readName(core, at);
        if (target == null || !"pg_enum".equals(
                ObjectNames.normalize(ObjectNames.lastPart(target.text())).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String type = null;
        List<String> labels = new ArrayList<>();
        for (int i = target.next(); i < core.size(); i++) {
            Token token = core.get(i);
            if (token.isWord("ENUMLABEL") && i + 1 < core.size()) {
                MatchedLiterals.at(core, i + 1).stream().filter(label -> !labels.contains(label)).forEach(labels::add);
            } else if (type == null && token.isWord("TYPNAME") && i + 2 < core.size() && core.get(i + 1).isSymbol("=")
                    && core.get(i + 2).type() == TokenType.STRING) {
                type = MatchedLiterals.unquoted(core.get(i + 2));
            } else if (type == null && token.type() == TokenType.STRING && i + 2 < core.size()
                    && core.get(i + 1).isSymbol("::") && core.get(i + 2).isWord("REGTYPE")) {
                type = MatchedLiterals.unquoted(token).replace("\"", "");
            }
        }
        return Optional.of(new Deletion("DELETE FROM " + target.text(), type, labels));
    }
}
