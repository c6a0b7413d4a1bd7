package io.dynamokit.deployment.table;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.configstore.ConfigStore;
import io.dynamokit.configstore.ConfigStoreName;
import io.dynamokit.table.TableManager;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code quarkus.dynamokit.table-name-prefix} names a config store's table too: the store creates, reads and writes
 * {@code env1-PrefixStore}, and the readiness check reports it under that name, with the declared tables.
 */
public class PrefixAppliesToConfigStoreTablesTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.dynamokit.table-name-prefix", "env1-")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"prefixed\".table", "PrefixStore")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"prefixed\".mode", "direct")
            .overrideConfigKey("quarkus.dynamokit.tables.\"PrefixDeclared\".hash-key", "Id:S");

    @Inject
    @ConfigStoreName("prefixed")
    ConfigStore store;

    @Inject
    TableManager tables;

    @Inject
    DynamoDbClient dynamo;

    @Test
    void theStoreTableCarriesThePrefixEverywhere() {
        assertThat(store.tableName()).isEqualTo("env1-PrefixStore");
        assertThat(dynamo.listTablesPaginator().tableNames()).contains("env1-PrefixStore", "env1-PrefixDeclared")
                .doesNotContain("PrefixStore", "PrefixDeclared");

        store.set("limits", Map.of("max", 3));
        assertThat(dynamo.getItem(b -> b.tableName("env1-PrefixStore").consistentRead(true)
                .key(Map.of("_store", AttributeValue.fromS("prefixed"), "_option", AttributeValue.fromS("limits"))))
                .item().get("max").n()).isEqualTo("3");

        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'DynamoKit tables' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'DynamoKit tables' }.data.'env1-PrefixStore'", equalTo("RUNNING"))
                .body("checks.find { it.name == 'DynamoKit tables' }.data.'env1-PrefixDeclared'", equalTo("RUNNING"))
                .body("checks.find { it.name == 'DynamoKit tables' }.data", not(hasKey("PrefixStore")));

        dynamo.deleteTable(b -> b.tableName("env1-PrefixStore"));
        dynamo.waiter().waitUntilTableNotExists(b -> b.tableName("env1-PrefixStore"));

        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'DynamoKit tables' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'DynamoKit tables' }.data.'env1-PrefixStore'", equalTo("MISSING"))
                .body("checks.find { it.name == 'DynamoKit tables' }.data.'env1-PrefixDeclared'", equalTo("RUNNING"));
    }
}
