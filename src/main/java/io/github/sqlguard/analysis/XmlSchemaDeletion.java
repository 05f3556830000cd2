package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Oracle XML DB's {@code DBMS_XMLSCHEMA.deleteSchema(url, DBMS_XMLSCHEMA.DELETE_CASCADE_FORCE)}: it drops the default
 * tables that registering the XML schema generated, and unlike {@code DELETE_CASCADE}, which refuses while a
 * document conforming to the schema is stored, it does not look for stored documents, so they go with the tables.
 * Called in a PL/SQL block, with SQL*Plus's {@code EXEC} or with {@code CALL}; the option by position, by name
 * ({@code delete_option => ..}) or as its number, 4.
 *
 * @param schemaUrl the URL of the deleted XML schema, or null when the call does not pass it as a literal
 * @param at the argument that asks for the forced cascade
 */
record XmlSchemaDeletion(String schemaUrl, Token at) {

    private static final String FORCED_CASCADE = "DELETE_CASCADE_FORCE";
    private static final String FORCED_CASCADE_NUMBER = "4";

    static Optional<XmlSchemaDeletion> of(List<Token> core) {
        int start = !core.isEmpty() && core.get(0).isAnyWord("CALL", "EXEC", "EXECUTE") ? 1 : 0;
        ObjectNames.NameAt procedure = ObjectNames.readName(core, start);
        if (procedure == null || procedure.next() >= core.size() || !core.get(procedure.next()).isSymbol("(")
                || !isDeleteSchema(procedure.text())) {
            return Optional.empty();
        }
        List<List<Token>> arguments = ObjectNames.callArguments(core, procedure.next());
        Token url = null;
        Token option = null;
        for (int i = 0; i < arguments.size(); i++) {
            List<Token> argument = arguments.get(i);
            boolean named = argument.size() > 2 && argument.get(1).isSymbol("=>");
            List<Token> value = named ? argument.subList(2, argument.size()) : argument;
            String parameter = named ? argument.get(0).text().toUpperCase(Locale.ROOT) : i == 0 ? "SCHEMAURL"
                    : i == 1 ? "DELETE_OPTION" : "";
            if (parameter.equals("SCHEMAURL") && value.size() == 1 && value.get(0).type() == TokenType.STRING) {
                url = value.get(0);
            } else if (parameter.equals("DELETE_OPTION") && isForcedCascade(value)) {
                option = value.get(0);
            }
        }
        return option == null ? Optional.empty()
                : Optional.of(new XmlSchemaDeletion(url == null ? null : url.stringValue(), option));
    }

    /** {@code DBMS_XMLSCHEMA.deleteSchema}, maybe qualified by its owner ({@code XDB.}, {@code SYS.}). */
    private static boolean isDeleteSchema(String name) {
        String upper = name.toUpperCase(Locale.ROOT).replace("\"", "");
        return upper.equals("DBMS_XMLSCHEMA.DELETESCHEMA") || upper.endsWith(".DBMS_XMLSCHEMA.DELETESCHEMA");
    }

    /** {@code DBMS_XMLSCHEMA.DELETE_CASCADE_FORCE}, the constant alone, or its value 4. */
    private static boolean isForcedCascade(List<Token> value) {
        if (value.size() == 1 && value.get(0).type() == TokenType.NUMBER) {
            return value.get(0).text().equals(FORCED_CASCADE_NUMBER);
        }
        ObjectNames.NameAt constant = value.isEmpty() ? null : ObjectNames.readName(value, 0);
        return constant != null && constant.next() == value.size()
                && ObjectNames.lastPart(constant.text()).equalsIgnoreCase(FORCED_CASCADE);
    }
}
