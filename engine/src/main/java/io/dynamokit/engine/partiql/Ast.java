package io.dynamokit.engine.partiql;

import io.dynamokit.engine.model.AttributeValue;
import java.util.List;

/** The statements and expressions PartiQL for DynamoDB reads; parameters are bound while parsing. */
public final class Ast {
    private Ast() {
    }

    /** A statement; {@link #table()} is the table it names. */
    public sealed interface Statement permits Select, Insert, Update, Delete, Exists {
        String table();
    }

    /** SELECT: {@code paths} empty for {@code *}. */
    public record Select(List<Path> paths, String table, String index, Expr where, List<Order> orderBy)
            implements Statement {
    }

    public record Insert(String table, Expr value) implements Statement {
    }

    /** UPDATE with its SET and REMOVE clauses in statement order. */
    public record Update(String table, List<Change> changes, Expr where, Returning returning) implements Statement {
    }

    public record Delete(String table, Expr where, Returning returning) implements Statement {
    }

    /** EXISTS(SELECT ...): a condition check in a transaction. */
    public record Exists(Select select) implements Statement {
        public String table() {
            return select.table();
        }
    }

    public record Order(Path path, boolean descending) {
    }

    /** RETURNING ALL|MODIFIED OLD|NEW *. */
    public record Returning(boolean all, boolean newValues) {
    }

    /** SET path = value (value null for REMOVE path). */
    public record Change(Path path, Expr value) {
    }

    public sealed interface Expr permits Path, Literal, Compare, Between, In, Is, And, Or, Not, Call, Arith {
    }

    /** A document path: String elements are names, Integer elements list indexes. */
    public record Path(List<Object> elements) implements Expr {
        public String first() {
            return (String) elements.get(0);
        }

        boolean isName(String name) {
            return elements.size() == 1 && elements.get(0).equals(name);
        }
    }

    /** A constant (a literal or a bound parameter); a null value is MISSING. */
    public record Literal(AttributeValue value) implements Expr {
    }

    /** =, <>, <, <=, >, >=. */
    public record Compare(String op, Expr left, Expr right) implements Expr {
    }

    public record Between(Expr subject, Expr low, Expr high) implements Expr {
    }

    public record In(Expr subject, List<Expr> candidates) implements Expr {
    }

    /** IS [NOT] MISSING, NULL or a type name (upper case). */
    public record Is(Expr subject, String type, boolean negated) implements Expr {
    }

    public record And(Expr left, Expr right) implements Expr {
    }

    public record Or(Expr left, Expr right) implements Expr {
    }

    public record Not(Expr inner) implements Expr {
    }

    /** A function call, name in lower case. */
    public record Call(String name, List<Expr> args) implements Expr {
    }

    /** + or -. */
    public record Arith(String op, Expr left, Expr right) implements Expr {
    }
}
