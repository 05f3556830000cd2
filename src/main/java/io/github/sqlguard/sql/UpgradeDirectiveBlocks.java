package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Some applications' upgrade runners read directive comments: a line starting {@code #IfMissingColumn t c},
 * {@code #IfNotTable t}, {@code #IfRow ..} (any {@code #If} glued to a capitalised test name) runs the statements
 * after it only when the database passes the test, until a line starting {@code #EndIf} or the next {@code #If..}.
 * Such a statement sits in a branch: a column its block adds may have been there before with values, so what the
 * block sets up holds in the block only. The runner compares case-sensitively, so {@code #Endif} ends nothing.
 */
final class UpgradeDirectiveBlocks {

    private final List<Token> directives = new ArrayList<>();

    /** The directives among a script's {@code comments}, in the order of the text. */
    UpgradeDirectiveBlocks(List<Token> comments) {
        for (Token comment : comments) {
            if (comment.column() == 1 && (opens(comment) || comment.text().startsWith("#EndIf"))) {
                directives.add(comment);
            }
        }
    }

    /** {@code #IfNotTable}, {@code #IfRow2D}, ..: the test's name follows {@code #If} without a blank. */
    private static boolean opens(Token comment) {
        String text = comment.text();
        return text.startsWith("#If") && text.length() > 3 && Character.isUpperCase(text.charAt(3));
    }

    /** The context of a top-level statement starting at {@code first}: in the branch of its block, if it has one. */
    StatementContext contextAt(Token first, StatementContext context) {
        if (directives.isEmpty() || context.body() != null || context.kind() != StatementContext.Kind.SCRIPT) {
            return context;
        }
        Token block = null;
        for (Token directive : directives) {
            if (directive.offset() > first.offset()) {
                break;
            }
            block = opens(directive) ? directive : null;
        }
        return block == null ? context
                : context.withBody(new StatementContext.Body(block.line() + ":" + block.column(), false, 1));
    }
}
