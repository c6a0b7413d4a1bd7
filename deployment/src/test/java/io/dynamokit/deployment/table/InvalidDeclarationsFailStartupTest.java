package io.dynamokit.deployment.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Every problem of every table declaration is reported at once, each with its property and what it accepts, before
 * DynamoDB is asked anything.
 */
public class InvalidDeclarationsFailStartupTest {

    static final String BAD = "quarkus.dynamokit.tables.\"BadKeys\".";
    static final String MANY = "quarkus.dynamokit.tables.\"TooManyIndexes\".";

    @RegisterExtension
    static final QuarkusUnitTest APP = declarations(new QuarkusUnitTest())
            .overrideConfigKey("quarkus.dynamokit.client.read-capacity-units", "0")
            .overrideConfigKey("quarkus.dynamokit.table-defaults.write-capacity-units", "-2")
            .overrideConfigKey(BAD + "hash-key", "ForumName:X")
            .overrideConfigKey(BAD + "billing-mode", "free")
            .overrideConfigKey(BAD + "write-capacity-units", "3")
            .overrideConfigKey(BAD + "global-secondary-indexes.ByAuthor.hash-key", "Author")
            .overrideConfigKey(BAD + "global-secondary-indexes.ByAuthor.read-capacity-units", "2")
            .overrideConfigKey(BAD + "local-secondary-indexes.ByDate.range-key", "Date:S")
            .overrideConfigKey(BAD + "stream", "everything")
            .overrideConfigKey("quarkus.dynamokit.tables.\"BadUnits\".hash-key", "Id:S")
            .overrideConfigKey("quarkus.dynamokit.tables.\"BadUnits\".write-capacity-units", "1")
            .overrideConfigKey(MANY + "hash-key", "Id:S")
            .overrideConfigKey(MANY + "range-key", "At:N")
            .overrideConfigKey(MANY + "billing-mode", "on-demand")
            .assertException(t -> {
                Throwable error = TableFixtures.cause(t, ConfigurationException.class);
                assertThat(error.getMessage())
                        .startsWith("Invalid DynamoKit configuration:\n - ")
                        .contains("quarkus.dynamokit.client.read-capacity-units is 0: use 1 or more")
                        .contains("quarkus.dynamokit.table-defaults.write-capacity-units is -2: use 1 or more")
                        .contains(BAD + "global-secondary-indexes.\"ByAuthor\".write-capacity-units is not set, and its "
                                + "default quarkus.dynamokit.table-defaults.write-capacity-units is -2: a provisioned "
                                + "table needs 1 or more; set either")
                        .contains(BAD + "hash-key is ForumName:X: 'X' is not a key type; use S (string), N (number) "
                                + "or B (binary)")
                        .contains(BAD + "billing-mode is free: use on-demand or provisioned")
                        .contains(BAD + "global-secondary-indexes.\"ByAuthor\".hash-key is Author: the type is missing; "
                                + "write the attribute name and its type, such as Author:S; types are S (string), "
                                + "N (number) or B (binary)")
                        .contains(BAD + "local-secondary-indexes.\"ByDate\": the table has no range key, and a local "
                                + "secondary index needs one: set " + BAD + "range-key, or declare a global secondary "
                                + "index instead")
                        .contains(BAD + "stream is everything: use new-image, old-image, new-and-old-images or "
                                + "keys-only, or leave it unset for no stream")
                        .contains("quarkus.dynamokit.tables.\"BadUnits\".read-capacity-units is not set, and its "
                                + "default quarkus.dynamokit.client.read-capacity-units is 0: a provisioned table needs "
                                + "1 or more; set either")
                        .contains(MANY + "global-secondary-indexes declares 21 indexes: DynamoDB allows at most 20 per "
                                + "table")
                        .contains(MANY + "local-secondary-indexes declares 6 indexes: DynamoDB allows at most 5 per "
                                + "table");
            });

    /** 21 global and 6 local secondary indexes, all otherwise valid. */
    static QuarkusUnitTest declarations(QuarkusUnitTest test) {
        for (int i = 0; i < 21; i++) {
            test.overrideConfigKey(MANY + "global-secondary-indexes.Global" + i + ".hash-key", "G" + i + ":S");
        }
        for (int i = 0; i < 6; i++) {
            test.overrideConfigKey(MANY + "local-secondary-indexes.Local" + i + ".range-key", "L" + i + ":S");
        }
        return test;
    }

    @Test
    void startupFails() {
        fail("the application must not start with invalid table declarations");
    }
}
