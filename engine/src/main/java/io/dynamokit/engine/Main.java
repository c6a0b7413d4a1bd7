package io.dynamokit.engine;

/** Placeholder until the server lands. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
    }
}
