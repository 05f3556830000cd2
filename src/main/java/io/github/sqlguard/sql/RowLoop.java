package io.github.sqlguard.sql;

import java.util.List;

/**
 * A PL/pgSQL or PL/SQL {@code FOR rec IN SELECT .. LOOP} that runs a body statement once for every row its query
 * returns: the statement sits directly in the loop, the loop runs whenever its body runs, and no {@code CONTINUE},
 * {@code EXIT}, {@code RETURN} or {@code GOTO} between the loop's start and the statement can skip a row. An
 * {@code INSERT .. VALUES (rec.a, rec.b)} there copies the rows as {@code INSERT .. SELECT a, b FROM ..} would.
 *
 * @param record the name of the loop's record variable, as written
 * @param query the loop's query, from its SELECT up to the LOOP
 */
public record RowLoop(String record, List<Token> query) {

    public RowLoop {
        query = List.copyOf(query);
    }
}
