package io.dynamokit.it.forum;

/**
 * Names of the forum's {@code Thread} table, which application.properties declares (hash key {@code ForumName},
 * range key {@code Subject}, local secondary index {@code LastPostIndex} on {@code LastPostDateTime}): DynamoKit
 * creates it at start-up in dev and test mode.
 */
public final class ThreadTable {

    public static final String NAME = "Thread";
    public static final String LAST_POST_INDEX = "LastPostIndex";

    private ThreadTable() {
    }
}
