package io.dynamokit.engine.expressions;

import io.dynamokit.engine.model.AttributeValue;
import java.util.List;

/** A checked expression with its names and values resolved: what conditions and updates evaluate. */
sealed interface Expr {

    record PathRef(AttributePath path) implements Expr {
    }

    record Literal(AttributeValue value) implements Expr {
    }

    /** A function: size, attribute_exists, begins_with, ... in conditions; if_not_exists, list_append in updates. */
    record Call(String name, List<Expr> args) implements Expr {
    }

    record Arith(String op, Expr left, Expr right) implements Expr {
    }

    record Compare(String op, Expr left, Expr right) implements Expr {
    }

    record Between(Expr subject, Expr low, Expr high) implements Expr {
    }

    record In(Expr subject, List<Expr> candidates) implements Expr {
    }

    record And(Expr left, Expr right) implements Expr {
    }

    record Or(Expr left, Expr right) implements Expr {
    }

    record Not(Expr inner) implements Expr {
    }
}
