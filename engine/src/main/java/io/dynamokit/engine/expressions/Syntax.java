package io.dynamokit.engine.expressions;

import java.util.List;

/**
 * The tree an expression parses into, before names and values are resolved: checking is a separate pass, so that
 * DynamoDB's order of error messages does not depend on how the parser backtracks.
 */
sealed interface Syntax {

    /** A document path; a String element is a name as written ({@code #n} for an alias), an Integer a list index. */
    record Path(List<Object> elements) implements Syntax {
    }

    record Value(String ref) implements Syntax {
    }

    record Call(String name, List<Syntax> args) implements Syntax {
    }

    /** {@code +} or {@code -} in an update's SET. */
    record Arith(String op, Syntax left, Syntax right) implements Syntax {
    }

    record Paren(Syntax inner) implements Syntax {
    }

    record Compare(String op, Syntax left, Syntax right) implements Syntax {
    }

    record Between(Syntax subject, Syntax low, Syntax high) implements Syntax {
    }

    record In(Syntax subject, List<Syntax> candidates) implements Syntax {
    }

    record And(Syntax left, Syntax right) implements Syntax {
    }

    record Or(Syntax left, Syntax right) implements Syntax {
    }

    record Not(Syntax inner) implements Syntax {
    }

    /** One action of an update: its section (SET, REMOVE, ADD, DELETE), path and value (null for REMOVE). */
    record Action(String section, Path path, Syntax value) {
    }

    /** A SET, REMOVE, ADD or DELETE clause as written; the list keeps repeated clauses to report them. */
    record Section(String keyword, List<Action> actions) {
    }
}
