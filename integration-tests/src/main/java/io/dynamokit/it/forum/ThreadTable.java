package io.dynamokit.it.forum;

/**
 * Names of the forum's {@code Thread} table, which application.properties declares (hash key {@code ForumName},
 * range key {@code Subject}, local secondary index {@code LastPostIndex} on {@code LastPostDateTime}): DynamoKit
 * creates it at start-up in dev and test mode. {@link #NAME} is the declared name; requests take the name in DynamoDB,
 * {@code TableManager.tableName(NAME)}, which carries {@code quarkus.dynamokit.table-name-prefix} and {@code -suffix}.
 */
public final class ThreadTable {

    public static final String NAME = "Thread";
    public static final String LAST_POST_INDEX = "LastPostIndex";

    private ThreadTable() {
    }
}
